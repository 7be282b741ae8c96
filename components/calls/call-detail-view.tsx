"use client";

// /calls/:callId – who called, how it went, what it said, and which follow-ups it set off.
import Link from "next/link";
import type { ReactNode } from "react";
import { ApiError } from "@/components/api/api-client";
import { useClientNames } from "@/components/api/use-clients";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PageHeader } from "@/components/ui/page-header";
import { CallAnalysis } from "./call-analysis";
import { CallConversation } from "./call-conversation";
import { CallFacts } from "./call-facts";
import { CallFollowUps } from "./call-follow-ups";
import { customerNumber } from "./call-row";
import { CallTranscript } from "./call-transcript";
import { useCallDetail } from "./use-call-detail";

function Section({ title, children, testId, className = "" }: { title: string; children: ReactNode; testId?: string; className?: string }) {
  return (
    <section data-testid={testId} className={`${className} rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900`}>
      <h2 className="mb-3 text-sm font-semibold text-slate-700 dark:text-slate-200">{title}</h2>
      {children}
    </section>
  );
}

function BackLink() {
  return (
    <Link href="/calls" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
      ← All calls
    </Link>
  );
}

export function CallDetailView({ callId }: { callId: string }) {
  const { data: call, error, isPending, refetch, isFetching } = useCallDetail(callId);
  const clientNames = useClientNames(call ? [call.clientId] : []);

  if (isPending) return <p className="py-12 text-center text-sm text-slate-500">Loading call…</p>;
  // 403: another client's call (a portal user or a client key) — to them it does not exist.
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return (
      <div data-testid="call-not-found" className="mx-auto max-w-md space-y-3 py-16 text-center">
        <h1 className="text-xl font-semibold">Call not found</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          There is no call <span className="break-all font-mono">{callId}</span>. It may belong to a client you cannot see, or the call
          platform has not reported it yet.
        </p>
        <BackLink />
      </div>
    );
  }
  if (error && !call) {
    return (
      <div className="space-y-4">
        <BackLink />
        <ErrorNotice what="this call" error={error} onRetry={() => void refetch()} retrying={isFetching} />
      </div>
    );
  }
  if (!call) return null;

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <BackLink />
        <PageHeader
          title={
            <>
              {call.direction === "outbound" ? "Call to " : "Call from "}
              <span className="font-mono">{customerNumber(call) ?? "an unknown number"}</span>
            </>
          }
          description={<span className="break-all font-mono text-xs">{call.callId}</span>}
        />
      </div>

      <CallFacts call={call} clientName={clientNames.get(call.clientId)} />

      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <Section title="Follow-ups" testId="call-follow-ups">
            <CallFollowUps call={call} />
          </Section>
          <Section title="Analysis">
            <CallAnalysis analysis={call.analysis} />
          </Section>
          <Section title="Conversation" testId="call-conversation">
            <CallConversation clientId={call.clientId} phone={customerNumber(call)} />
          </Section>
        </div>
        <Section title="Transcript" className="lg:self-start">
          <CallTranscript transcript={call.transcript} customerName={call.customerName} />
        </Section>
      </div>
    </div>
  );
}
