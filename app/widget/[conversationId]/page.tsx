import type { Metadata } from "next";
import { Thread } from "@/components/conversations/thread";
import { verifyWidgetToken } from "@/lib/conversations/widget-token";

export const metadata: Metadata = { title: "Conversation", robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;

function WidgetProblem({ code, title, detail }: { code: string; title: string; detail: string }) {
  return (
    <main data-testid="widget-problem" data-code={code} className="grid h-dvh place-items-center bg-slate-50 p-6 text-center dark:bg-slate-950">
      <div>
        <p className="text-base font-semibold">{title}</p>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">{detail}</p>
      </div>
    </main>
  );
}

// GET /widget/:conversationId?token=wt_… – the embeddable thread (framed by WIDGET_FRAME_ANCESTORS,
// outside the console's login): the token is checked here first so a bad link says so at once.
export default async function WidgetPage({ params, searchParams }: { params: Promise<{ conversationId: string }>; searchParams: Promise<SearchParams> }) {
  const { conversationId } = await params;
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  if (!token) return <WidgetProblem code="MISSING_TOKEN" title="This link is incomplete" detail="It carries no access token. Open the conversation from the link you were given." />;
  const verified = verifyWidgetToken(token);
  if (!verified) return <WidgetProblem code="UNAUTHENTICATED" title="This link has expired or is not valid" detail="Widget links are valid for an hour. Ask for a new one." />;
  if (verified.conversationId !== conversationId) return <WidgetProblem code="NOT_FOUND" title="Conversation not found" detail="This link does not open this conversation." />;
  return (
    // A readable column on a wide screen; edge to edge in a phone or a small iframe.
    <main className="h-dvh bg-slate-100 dark:bg-slate-900">
      <Thread conversationId={conversationId} auth={{ kind: "token", token }} className="mx-auto h-full max-w-3xl md:border-x md:border-slate-200 md:dark:border-slate-800" />
    </main>
  );
}
