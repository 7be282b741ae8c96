"use client";

// An expanded message: the full text (never truncated), what went wrong, cost and timestamps,
// every attempt and the status history, and, for a failed or dead-lettered one, edit and retry.
import type { ReactNode } from "react";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatCents } from "@/components/ui/format";
import { MessageAttempts } from "./message-attempts";
import { MessageHistory } from "./message-history";
import { isRetryable } from "@/components/api/message-statuses";
import type { ApiMessage } from "@/components/api/types";
import { RelativeTime, useNow } from "@/components/ui/relative-time";
import { RetryEditForm } from "./retry-edit-form";
import { SECONDARY_ACTION } from "./message-actions";
import { useMessageDetail } from "./use-message-detail";
import { useShowNotice } from "./message-notice";
import { problemText } from "@/components/ui/labels";
import { formatInZone } from "@/components/ui/zoned-time";
import { useClients } from "@/components/api/use-clients";
import { sendTime } from "./send-time";
import { MessageAudit } from "@/components/audit/message-audit";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-sm [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-1.5">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{title}</h3>
      {children}
    </section>
  );
}

interface Props {
  message: ApiMessage;
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
}

export function MessageDetail({ message: listed, editing, onEditingChange }: Props) {
  const now = useNow();
  const detail = useMessageDetail(listed.id);
  const m = detail.data ?? listed;
  const problem = m.deadLetterReason ?? m.lastError;
  const canRetry = isRetryable(m.status);
  const { byId } = useClients();
  const goes = sendTime(m, byId.get(m.clientId), now);
  const showNotice = useShowNotice();
  const onEditDone = (edited?: string[]) => {
    if (edited) showNotice({ message: m, retried: edited });
    onEditingChange(false);
  };

  return (
    <div data-testid="message-detail" className="grid gap-4 text-sm lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-3">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4">
          <Field label="Id">
            <code className="font-mono text-xs">{m.id}</code>
          </Field>
          <Field label="Category">{[m.category, m.kind].filter(Boolean).join(" · ")}</Field>
          <Field label="Cost">
            <span data-testid="message-cost">{formatCents(m.costCents)}</span>
          </Field>
          <Field label="Provider">{m.provider ? `${m.provider}${m.providerMessageId ? ` · ${m.providerMessageId}` : ""}` : "—"}</Field>
          <Field label="Created">
            <RelativeTime iso={m.createdAt} now={now} />
          </Field>
          <Field label="Scheduled for">
            <RelativeTime iso={m.scheduledFor} now={now} />
          </Field>
          {(goes.kind === "goes" || goes.kind === "retry") && (
            <Field label={goes.kind === "retry" ? "Next attempt" : "Really goes"}>
              <span data-testid="detail-send-time">{goes.at ? formatInZone(goes.at) : "not by itself"}</span>
              {goes.held && <span className="block text-xs text-amber-800 dark:text-amber-300">{goes.held}</span>}
            </Field>
          )}
          <Field label="Sent">
            <RelativeTime iso={m.sentAt} now={now} />
          </Field>
          <Field label={m.readAt ? "Read" : "Delivered"}>
            <RelativeTime iso={m.readAt ?? m.deliveredAt} now={now} />
          </Field>
        </dl>
        {m.possibleDuplicate && (
          <p data-testid="possible-duplicate-notice" className="rounded-md bg-orange-50 px-3 py-2 text-xs text-orange-900 ring-1 ring-inset ring-orange-200 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800">
            <strong>Maybe sent twice:</strong> Herald stopped while this message was being handed to the provider, so it sent it again. The customer may have received it twice (the attempt log shows the unknown attempt).
          </p>
        )}
        {(problem || m.heldReason) && (
          <div className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-inset ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800">
            {m.deadLetterReason && (
              <p data-testid="dead-letter-reason">
                <strong>Dead letter:</strong> {problemText(m.deadLetterReason)}
              </p>
            )}
            {m.lastError && m.lastError !== m.deadLetterReason && (
              <p>
                <strong>Last error:</strong> {problemText(m.lastError)}
              </p>
            )}
            {m.heldReason && (
              <p>
                <strong>Held:</strong> {m.heldReason}
              </p>
            )}
          </div>
        )}
        {editing && canRetry ? (
          <RetryEditForm message={m} onDone={onEditDone} />
        ) : (
          <Section title="Message">
            {m.subject && <p className="font-medium">{m.subject}</p>}
            <p data-testid="message-full-body" className="whitespace-pre-wrap break-words rounded-md bg-white p-2.5 ring-1 ring-inset ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
              {m.body ?? (m.template ? `template: ${m.template}` : "(empty)")}
            </p>
            {canRetry && (
              <button type="button" onClick={() => onEditingChange(true)} className={SECONDARY_ACTION}>
                Edit and retry
              </button>
            )}
          </Section>
        )}
      </div>
      <div className="space-y-3">
        {detail.isError && !detail.data ? (
          <ErrorNotice compact what="the attempt log" error={detail.error} onRetry={() => void detail.refetch()} />
        ) : !detail.data ? (
          <p className="text-xs text-slate-500">Loading attempts and history…</p>
        ) : (
          <>
            <Section title={`Attempts (${detail.data.attemptLog.length})`}>
              <MessageAttempts attempts={detail.data.attemptLog} now={now} />
            </Section>
            <Section title="Status history">
              <MessageHistory history={detail.data.history} now={now} />
            </Section>
            {!!detail.data.audit?.length && (
              <Section title="Changes by people">
                <MessageAudit entries={detail.data.audit} />
              </Section>
            )}
          </>
        )}
      </div>
    </div>
  );
}
