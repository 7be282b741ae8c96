"use client";

import Link from "next/link";
import type { QueueStats } from "@/lib/realtime/contract";
import { messagesHref, tabStatuses, type MessageFilter, type MessageTab } from "./message-filter";

const LABELS: Record<MessageTab, string> = {
  all: "All",
  pending: "Pending",
  sent: "Sent",
  failed: "Failed",
  dead_letter: "Dead letter",
  scheduled: "Scheduled",
};

/** What each tab's count counts, said on hover: the Scheduled count is not the window's. */
const COUNTS: Record<MessageTab, string> = {
  all: "Every message kept, in any state",
  pending: "Waiting for their time to be sent, scheduled ones included",
  sent: "Sent, delivered or read",
  failed: "Failed on the last try and waiting for a retry",
  dead_letter: "Gave up: waiting for a person to edit and resend or cancel",
  scheduled: "Pending messages whose time is still ahead, however far (the list shows the window chosen)",
};

/** Scheduled counts every pending message whose time is still ahead, however far. */
function tabCount(tab: MessageTab, stats: QueueStats | undefined): number | null {
  if (!stats) return null;
  if (tab === "all") return Object.values(stats.byStatus).reduce((a, b) => a + b, 0);
  if (tab === "scheduled") return stats.scheduled;
  return (tabStatuses(tab) ?? []).reduce((n, status) => n + (stats.byStatus[status] ?? 0), 0);
}

export function MessageTabs({ filter, stats }: { filter: MessageFilter; stats?: QueueStats }) {
  return (
    <nav aria-label="Message views" className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
      {(Object.keys(LABELS) as MessageTab[]).map((tab) => {
        const active = tab === filter.tab;
        const count = tabCount(tab, stats);
        return (
          <Link
            key={tab}
            href={messagesHref({ ...filter, tab })}
            aria-current={active ? "page" : undefined}
            data-testid="message-tab"
            data-tab={tab}
            title={COUNTS[tab]}
            className={`flex items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium transition ${
              active
                ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300"
                : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
            }`}
          >
            {LABELS[tab]}
            <span
              data-testid="tab-count"
              className="min-w-6 rounded-full bg-slate-100 px-1.5 text-center text-xs tabular-nums text-slate-600 dark:bg-slate-800 dark:text-slate-300"
            >
              {count ?? "–"}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
