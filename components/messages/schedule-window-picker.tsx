"use client";

// 24 h | 48 h | 7 days for the Scheduled tab, kept in the URL (?hours=).
import Link from "next/link";
import { DEFAULT_SCHEDULE_WINDOW, messagesHref, SCHEDULE_WINDOWS, type MessageFilter, type ScheduleWindow } from "./message-filter";

const LABELS: Record<ScheduleWindow, string> = { 24: "Next 24 h", 48: "Next 48 h", 168: "Next 7 days" };

export function ScheduleWindowPicker({ filter }: { filter: MessageFilter }) {
  return (
    <nav aria-label="How far ahead" className="inline-flex rounded-md shadow-sm ring-1 ring-inset ring-slate-300 dark:ring-slate-700">
      {SCHEDULE_WINDOWS.map((hours, i) => {
        const active = (filter.hours ?? DEFAULT_SCHEDULE_WINDOW) === hours;
        return (
          <Link
            key={hours}
            href={messagesHref({ ...filter, hours })}
            aria-current={active ? "page" : undefined}
            data-testid="schedule-window"
            data-hours={hours}
            className={`px-3 py-1.5 text-xs font-medium ${i === 0 ? "rounded-l-md" : ""} ${i === SCHEDULE_WINDOWS.length - 1 ? "rounded-r-md" : ""} ${
              active ? "bg-indigo-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800"
            }`}
          >
            {LABELS[hours]}
          </Link>
        );
      })}
    </nav>
  );
}
