"use client";

// Opening hours per weekday: closed, or one or more windows (a lunch break is two windows).
// Marketing follow-ups wait for these hours; transactional ones go out at any time.
import { useState } from "react";
import { WEEKDAYS, type BusinessHours } from "@/lib/schemas/client";
import type { ApiClient } from "@/components/api/types";
import { FieldError, errorsUnder } from "@/components/ui/field-errors";
import { INPUT_BASE, SECONDARY_BUTTON } from "@/components/ui/field";
import { SectionCard } from "./section-card";
import { useSaveClient } from "./use-save-client";

type Day = (typeof WEEKDAYS)[number];
type Window = { open: string; close: string };

const DAY_NAMES: Record<Day, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };
const MAX_WINDOWS = 6;
const TIME = `${INPUT_BASE} w-20 text-center font-mono tabular-nums`;

function nextWindow(windows: Window[]): Window {
  const last = windows[windows.length - 1];
  if (!last) return { open: "09:00", close: "17:00" };
  const hour = Math.min(Number(last.close.slice(0, 2)) + 1, 22);
  return { open: `${String(hour).padStart(2, "0")}:00`, close: `${String(hour + 1).padStart(2, "0")}:00` };
}

export function BusinessHoursSection({ client }: { client: ApiClient }) {
  const [hours, setHours] = useState<BusinessHours>(() => client.businessHours);
  const { save, state } = useSaveClient(client.id);
  const setDay = (day: Day, windows: Window[]) => setHours((h) => ({ ...h, [day]: windows }));

  const submit = async () => {
    const saved = await save({ businessHours: hours });
    if (saved) setHours(saved.businessHours);
  };

  return (
    <SectionCard
      id="hours"
      title="Business hours"
      description={`In ${client.timezone}. Marketing messages due outside these hours wait for the next opening; confirmations and reminders go out at any hour.`}
      state={state}
      onSubmit={() => void submit()}
    >
      <div className="divide-y divide-slate-200 dark:divide-slate-800">
        {WEEKDAYS.map((day) => {
          const windows = hours[day] ?? [];
          const dayError = errorsUnder(state.errors, `businessHours.${day}`).length > 0;
          return (
            <fieldset key={day} data-testid={`hours-${day}`} className="grid gap-2 py-2.5 first:pt-0 last:pb-0 sm:grid-cols-[9rem_minmax(0,1fr)] sm:items-start">
              <legend className="sr-only">{DAY_NAMES[day]}</legend>
              <label className="flex items-center gap-2 pt-1.5 text-sm font-medium">
                <input
                  type="checkbox"
                  checked={windows.length > 0}
                  onChange={(e) => setDay(day, e.target.checked ? [nextWindow([])] : [])}
                  className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500 dark:border-slate-600"
                />
                {DAY_NAMES[day]}
              </label>
              <div className="space-y-2">
                {windows.length === 0 && <p className="pt-1.5 text-sm text-slate-500 dark:text-slate-400">Closed</p>}
                {windows.map((w, i) => {
                  const path = `businessHours.${day}.${i}`;
                  const message = errorsUnder(state.errors, path)[0];
                  const label = `${DAY_NAMES[day]}, window ${i + 1}`;
                  const change = (key: keyof Window, value: string) => setDay(day, windows.map((x, j) => (j === i ? { ...x, [key]: value } : x)));
                  return (
                    <div key={i}>
                      <div className="flex flex-wrap items-center gap-2">
                        <input aria-label={`${label} opens`} aria-invalid={message ? true : undefined} value={w.open} onChange={(e) => change("open", e.target.value)} inputMode="numeric" placeholder="09:00" className={TIME} />
                        <span aria-hidden className="text-slate-400">–</span>
                        <input aria-label={`${label} closes`} aria-invalid={message ? true : undefined} value={w.close} onChange={(e) => change("close", e.target.value)} inputMode="numeric" placeholder="17:00" className={TIME} />
                        <button
                          type="button"
                          onClick={() => setDay(day, windows.filter((_, j) => j !== i))}
                          aria-label={`Remove ${label}`}
                          className="rounded-md px-2 py-1 text-sm text-slate-500 hover:bg-slate-100 hover:text-red-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:hover:bg-slate-800 dark:hover:text-red-300"
                        >
                          Remove
                        </button>
                        {i === windows.length - 1 && windows.length < MAX_WINDOWS && (
                          <button type="button" onClick={() => setDay(day, [...windows, nextWindow(windows)])} aria-label={`Add a window on ${DAY_NAMES[day]}`} className={`${SECONDARY_BUTTON} py-1 text-xs`}>
                            + Window
                          </button>
                        )}
                      </div>
                      <FieldError message={message} />
                    </div>
                  );
                })}
                {dayError && windows.length === 0 && <FieldError message={errorsUnder(state.errors, `businessHours.${day}`)[0]} />}
              </div>
            </fieldset>
          );
        })}
      </div>
    </SectionCard>
  );
}
