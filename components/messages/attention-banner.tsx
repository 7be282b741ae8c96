"use client";

// At the very top of the messages page whenever anything is failed or dead-lettered, from the
// live stats. The button opens the tab that needs a human most: dead letters (nothing will
// happen to them on its own), else failed (a retry is planned, but something is wrong).
import Link from "next/link";
import type { QueueStats } from "@/lib/realtime/contract";
import { messagesHref, type MessageFilter } from "./message-filter";

export function AttentionBanner({ stats, filter }: { stats?: QueueStats; filter: MessageFilter }) {
  const failed = stats?.byStatus.failed ?? 0;
  const dead = stats?.byStatus.dead_letter ?? 0;
  const total = failed + dead;
  if (total === 0) return null;
  const primary = dead > 0 ? "dead_letter" : "failed";
  const parts = [dead > 0 && `${dead} dead-lettered`, failed > 0 && `${failed} failed`].filter(Boolean).join(", ");
  const base = { clientId: filter.clientId };

  return (
    <div
      role="alert"
      data-testid="attention-banner"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <span aria-hidden className="grid h-6 w-6 shrink-0 place-items-center rounded-full bg-red-600 text-xs font-bold text-white">
        !
      </span>
      <p className="min-w-0 flex-1">
        <strong data-testid="attention-count">
          {total} {total === 1 ? "message needs" : "messages need"} attention
        </strong>{" "}
        <span className="text-red-800 dark:text-red-200">({parts})</span>
      </p>
      <div className="flex flex-wrap gap-2">
        {filter.tab !== primary && (
          <Link
            href={messagesHref({ ...base, tab: primary })}
            className="rounded-md bg-red-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-red-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600"
          >
            {primary === "dead_letter" ? "Review dead letters" : "Review failed"}
          </Link>
        )}
        {dead > 0 && failed > 0 && filter.tab !== "failed" && (
          <Link
            href={messagesHref({ ...base, tab: "failed" })}
            className="rounded-md bg-white px-3 py-1.5 text-xs font-semibold text-red-800 ring-1 ring-inset ring-red-300 hover:bg-red-100 dark:bg-red-900 dark:text-red-100 dark:ring-red-700"
          >
            Review failed
          </Link>
        )}
      </div>
    </div>
  );
}
