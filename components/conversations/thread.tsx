"use client";

// A conversation's thread, for the console (a session) and the embeddable widget (a token):
// the customer, WhatsApp's window, the messages (older ones load as you scroll up, keeping
// your place), and the reply box. What it does with the data is use-thread.ts's.
import { Fragment, useEffect, useLayoutEffect, useRef } from "react";
import { ApiError } from "@/components/api/api-client";
import { useNow } from "@/components/ui/relative-time";
import { Bubble } from "./bubble";
import { DayDivider, startsDay } from "./day-divider";
import { ReplyBox } from "./reply-box";
import type { ThreadAuth } from "./thread-api";
import { useThread } from "./use-thread";
import { useMe } from "@/components/auth/use-me";
import { windowState } from "./whatsapp-window";
import { ThreadHeader, ThreadProblem } from "./thread-header";

/** How close to the top (px) the reader must scroll before the older page is asked for. */
const LOAD_OLDER_AT = 120;
/** How close to the bottom counts as "reading the latest": new messages then scroll into view. */
const STICK_TO_BOTTOM = 80;

export function Thread(props: { conversationId: string; auth: { kind: "session" } | { kind: "token"; token: string }; className?: string }) {
  const { conversationId, className = "" } = props;
  const auth = props.auth as ThreadAuth;
  const t = useThread(conversationId, auth);
  // A session's role decides whether it may send; the widget's token is not a session (no /me).
  const me = useMe({ enabled: auth.kind === "session" });
  const now = useNow(30_000);
  const whatsapp = windowState(t.conversation, now);
  const scroller = useRef<HTMLDivElement>(null);
  // Where the reader was, measured from the bottom, before an older page was prepended.
  const anchor = useRef<number | null>(null);
  const atBottom = useRef(true);
  const lastKey = useRef<string | undefined>(undefined);

  useEffect(() => t.markRead(), [conversationId]); // eslint-disable-line react-hooks/exhaustive-deps

  // Keeps the reader's place when older messages are put above, and follows new ones at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const newest = t.bubbles[t.bubbles.length - 1]?.key;
    if (anchor.current !== null) {
      el.scrollTop = el.scrollHeight - anchor.current;
      anchor.current = null;
    } else if (newest !== lastKey.current && (atBottom.current || t.bubbles[t.bubbles.length - 1]?.localId)) {
      el.scrollTop = el.scrollHeight;
    }
    lastKey.current = newest;
  }, [t.bubbles]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_TO_BOTTOM;
    if (el.scrollTop < LOAD_OLDER_AT && t.hasOlder && !t.loadingOlder) {
      anchor.current = el.scrollHeight - el.scrollTop;
      void t.loadOlder();
    }
  };

  // A first page shorter than the box has no scrollbar to scroll up with: ask for the next one at once.
  useEffect(() => {
    const el = scroller.current;
    if (el && t.hasOlder && !t.loadingOlder && el.scrollHeight <= el.clientHeight) {
      anchor.current = el.scrollHeight - el.scrollTop;
      void t.loadOlder();
    }
  }, [t.hasOlder, t.loadingOlder, t.bubbles.length]); // eslint-disable-line react-hooks/exhaustive-deps

  // An expired token (the widget stays open past its hour) ends the thread with the same message.
  const expired = t.error instanceof ApiError && t.error.status === 401;
  if (t.error && (!t.conversation || expired)) return <ThreadProblem className={className} error={t.error instanceof ApiError ? t.error : null} />;

  return (
    <section
      data-testid="thread"
      data-conversation-id={conversationId}
      data-live={t.connected ? "on" : "off"}
      className={`flex min-h-0 flex-col overflow-hidden bg-slate-50 dark:bg-slate-950 ${className}`}
    >
      <ThreadHeader conversation={t.conversation} connected={t.connected} whatsapp={whatsapp} now={now} />
      <div ref={scroller} onScroll={onScroll} data-testid="thread-scroller" className="min-h-0 flex-1 overflow-y-auto px-3 py-3">
        {/* Like any chat app, a short thread sits at the bottom, next to the reply box. */}
        <div className="flex min-h-full flex-col justify-end">
          {t.loadingOlder && <p className="pb-2 text-center text-xs text-slate-500">Loading earlier messages…</p>}
          {!t.hasOlder && !t.loading && t.bubbles.length > 0 && (
            <p className="pb-2 text-center text-xs text-slate-400 dark:text-slate-500">Start of the conversation</p>
          )}
          {t.loading && <p className="py-8 text-center text-sm text-slate-500">Loading…</p>}
          {!t.loading && t.bubbles.length === 0 && <p className="py-8 text-center text-sm text-slate-500">No messages yet.</p>}
          <ol className="flex flex-col gap-2" data-testid="bubbles">
            {t.bubbles.map((b, i) => (
              <Fragment key={b.key}>
                {startsDay(b.timestamp, t.bubbles[i - 1]?.timestamp) && <DayDivider timestamp={b.timestamp} now={now} />}
                <Bubble bubble={b} onRetry={t.retry} retrying={!!t.retrying[b.id]} />
              </Fragment>
            ))}
          </ol>
        </div>
      </div>
      <ReplyBox onSend={t.send} denied={auth.kind === "session" && !me.can("send")} disabled={!t.conversation || t.conversation.channel === "email"} whatsapp={whatsapp} />
    </section>
  );
}
