"use client";

// The last 50 live events for this view (client and channel filters apply), newest first.
// The store re-renders at most every 250 ms and the list has a fixed height, so a burst of
// events neither freezes the page nor pushes the table around.
import Link from "next/link";
import { memo, useState } from "react";
import { useActivity, type ActivityEvent } from "@/components/live/activity-store";
import { messagesHref, type MessageFilter } from "./message-filter";
import { StatusBadge } from "@/components/ui/status-badge";

const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

// Memoised on primitives: a flush adds new items and leaves the others' DOM alone.
const FeedItem = memo(function FeedItem({ e, href, clientName }: { e: ActivityEvent; href: string; clientName?: string }) {
  return (
    <li data-testid="activity-item" data-event={e.event} data-id={e.id} className="flex items-center gap-2 px-3 py-1 text-xs">
      <time className="shrink-0 tabular-nums text-slate-500 dark:text-slate-400" dateTime={new Date(e.at).toISOString()}>
        {clock.format(e.at)}
      </time>
      <StatusBadge status={e.event} />
      {e.kind === "message" ? (
        // No prefetch: at 200 events a second every item is new, and each prefetch is a server render.
        <Link href={href} prefetch={false} className="shrink-0 font-mono text-indigo-700 hover:underline dark:text-indigo-300" title={e.id}>
          …{e.id.slice(-8)}
        </Link>
      ) : (
        <span className="shrink-0 font-mono" title={e.id}>
          {e.id.length > 14 ? `…${e.id.slice(-10)}` : e.id}
        </span>
      )}
      <span className="truncate font-mono text-slate-600 dark:text-slate-300">{e.to?.replace(/^whatsapp:/, "")}</span>
      {clientName && <span className="hidden truncate text-slate-500 sm:inline dark:text-slate-400">{clientName}</span>}
      {e.error && (
        <span className="min-w-0 flex-1 truncate text-amber-800 dark:text-amber-300" title={e.error}>
          {e.error}
        </span>
      )}
    </li>
  );
});

export function ActivityFeed({ filter, clientNames }: { filter: MessageFilter; clientNames: Map<string, string> }) {
  // Until someone toggles it, the feed is open once there is something in it: an empty box is one line.
  const [chosen, setOpen] = useState<boolean | null>(null);
  const events = useActivity({ clientId: filter.clientId, channel: filter.channel });
  const open = chosen ?? events.length > 0;
  const latest = events[0];
  return (
    <section aria-labelledby="activity-heading" data-testid="activity-section" data-open={open} className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="activity-heading">
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-controls="activity-list"
          className="flex w-full items-center gap-2 px-3 py-2 text-left text-sm font-semibold"
        >
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className={`h-4 w-4 text-slate-500 transition-transform ${open ? "rotate-90" : ""}`}>
            <path d="M7.2 4.7a.75.75 0 0 1 1.06 0l4.77 4.77a.75.75 0 0 1 0 1.06l-4.77 4.77a.75.75 0 1 1-1.06-1.06L11.44 10 7.2 5.76a.75.75 0 0 1 0-1.06Z" />
          </svg>
          Live activity
          <span data-testid="activity-count" className="rounded-full bg-slate-100 px-1.5 text-xs font-normal tabular-nums text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            {events.length}
          </span>
          {!open && !latest && <span className="min-w-0 flex-1 truncate text-xs font-normal text-slate-500 dark:text-slate-400">nothing yet: queue, send and delivery updates appear here as they happen</span>}
          {!open && latest && (
            <span className="min-w-0 flex-1 truncate text-xs font-normal text-slate-500 dark:text-slate-400">
              latest: {latest.event} {latest.to?.replace(/^whatsapp:/, "")}
            </span>
          )}
        </button>
      </h2>
      {open && (
        <div id="activity-list" className="h-32 overflow-y-auto border-t border-slate-200 py-1 [contain:strict] dark:border-slate-800">
          {events.length === 0 ? (
            <p className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">Waiting for events: queue, send and delivery updates show up here as they happen.</p>
          ) : (
            <ul data-testid="activity-feed" aria-live="off">
              {events.map((e) => (
                <FeedItem key={e.seq} e={e} href={messagesHref({ ...filter, tab: "all", q: e.id })} clientName={clientNames.get(e.clientId)} />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
