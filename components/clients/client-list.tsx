"use client";

import Link from "next/link";
import { RelativeTime, useNow } from "@/components/ui/relative-time";
import type { BusinessHours } from "@/lib/schemas/client";
import type { ApiClient } from "@/components/api/types";

const DAY_LABELS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** "Mon–Fri 09:00–17:00"-style summary: open days, and the hours when every open day agrees. */
export function summarizeHours(hours: BusinessHours): string {
  const open = DAYS.map((d, i) => ({ label: DAY_LABELS[i]!, windows: hours[d] ?? [] })).filter((d) => d.windows.length > 0);
  if (open.length === 0) return "Closed every day";
  const text = (w: { open: string; close: string }[]) => w.map((x) => `${x.open}–${x.close}`).join(", ");
  const same = open.every((d) => text(d.windows) === text(open[0]!.windows));
  const days = open.length === 5 && open.every((d, i) => d.label === DAY_LABELS[i]) ? "Mon–Fri" : open.map((d) => d.label).join(" ");
  return same ? `${days} ${text(open[0]!.windows)}` : `${days} (varies)`;
}

const LINK = "text-indigo-700 hover:underline dark:text-indigo-300";

export function ClientList({ clients }: { clients: ApiClient[] }) {
  const now = useNow(60_000);
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {clients.map((c) => (
        <li key={c.id} data-testid="client-row" data-client-id={c.id} className="flex flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3">
          <div className="min-w-0 flex-1 basis-56">
            <Link href={`/clients/${encodeURIComponent(c.id)}`} className="font-medium text-slate-900 hover:underline dark:text-white">
              {c.name}
            </Link>
            <p className="truncate text-xs text-slate-500 dark:text-slate-400">
              {c.timezone} · {summarizeHours(c.businessHours)}
            </p>
          </div>
          <div className="text-xs text-slate-500 dark:text-slate-400">
            key <span className="font-mono">{c.apiKeyPrefix ? `${c.apiKeyPrefix}…` : "—"}</span> · created <RelativeTime iso={c.createdAt} now={now} />
          </div>
          <nav aria-label={`${c.name} shortcuts`} className="flex gap-3 text-sm">
            <Link href={`/clients/${encodeURIComponent(c.id)}`} className={LINK}>
              Edit
            </Link>
            <Link href={`/calls?clientId=${encodeURIComponent(c.id)}`} className={LINK}>
              Calls
            </Link>
            <Link href={`/messages?clientId=${encodeURIComponent(c.id)}`} className={LINK}>
              Messages
            </Link>
          </nav>
        </li>
      ))}
    </ul>
  );
}
