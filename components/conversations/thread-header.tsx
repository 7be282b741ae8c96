// The thread's top line (who, which channel, live or not, WhatsApp's window) and what it
// shows instead of a thread when it cannot load one (an expired link, another conversation).
import type { ApiError } from "@/components/api/api-client";
import type { ApiConversation } from "@/lib/conversations/queries";
import { formatRemaining, formatWindowTime, type WindowState } from "./whatsapp-window";

const CHANNEL: Record<string, string> = { sms: "SMS", whatsapp: "WhatsApp", email: "Email" };

function WindowLine({ whatsapp: window, now }: { whatsapp: WindowState; now: number }) {
  if (window.kind === "none") return null;
  if (window.kind === "open") {
    return (
      <p data-testid="whatsapp-window" data-window="open" className="text-xs text-emerald-700 dark:text-emerald-400">
        <span aria-hidden>● </span>Window open, closes {formatWindowTime(window.closesAt)} ({formatRemaining(window.closesAt, now)})
      </p>
    );
  }
  return (
    <p data-testid="whatsapp-window" data-window="closed" className="text-xs text-amber-700 dark:text-amber-400">
      <span aria-hidden>● </span>
      {window.closedAt ? `Window closed ${formatWindowTime(window.closedAt)}` : "Window closed (the customer has not written)"}: templates only
    </p>
  );
}

export function ThreadHeader({ conversation, connected, whatsapp, now }: { conversation?: ApiConversation; connected: boolean; whatsapp: WindowState; now: number }) {
  const who = conversation?.customer.name ?? conversation?.address ?? "…";
  return (
    <header className="flex items-start gap-3 border-b border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
      <div aria-hidden className="grid h-9 w-9 shrink-0 place-items-center rounded-full bg-slate-200 text-sm font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100">
        {conversation?.customer.name ? (
          conversation.customer.name.trim().slice(0, 1).toUpperCase()
        ) : (
          <svg viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
            <circle cx="10" cy="7" r="3.5" />
            <path d="M3.5 17a6.5 6.5 0 0 1 13 0z" />
          </svg>
        )}
      </div>
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-semibold">{who}</p>
        <p className="truncate text-xs text-slate-500 dark:text-slate-400">
          {conversation ? `${CHANNEL[conversation.channel] ?? conversation.channel}${conversation.customer.name ? ` · ${conversation.address}` : ""}` : " "}
        </p>
        <WindowLine whatsapp={whatsapp} now={now} />
      </div>
      <span
        data-testid="thread-live"
        title={connected ? "Live: new messages and ticks appear as they happen" : "Reconnecting…"}
        className={`mt-1 inline-flex items-center gap-1 text-xs ${connected ? "text-emerald-700 dark:text-emerald-400" : "text-slate-500"}`}
      >
        <span className={`h-2 w-2 rounded-full ${connected ? "bg-emerald-500" : "animate-pulse bg-slate-400"}`} />
        {connected ? "Live" : "Reconnecting"}
      </span>
    </header>
  );
}

export function ThreadProblem({ error, className = "" }: { error: ApiError | null; className?: string }) {
  const [title, detail] =
    error?.status === 401
      ? ["This link has expired", "Widget links are valid for an hour. Ask for a new one."]
      : error?.status === 404 || error?.status === 403
        ? ["Conversation not found", "This link does not open this conversation."]
        : ["The conversation could not be loaded", error?.message ?? "No connection. It will try again when you reload."];
  return (
    <section data-testid="thread-problem" data-code={error?.code ?? "NETWORK"} className={`grid place-items-center p-6 text-center ${className}`}>
      <div>
        <p className="text-base font-semibold">{title}</p>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">{detail}</p>
      </div>
    </section>
  );
}
