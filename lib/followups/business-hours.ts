// Business hours in the client's IANA zone (luxon, DST-correct).
import { DateTime } from "luxon";
import type { BusinessHours } from "../schemas/client";
import { WEEKDAYS } from "../schemas/client";

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}

/**
 * The first instant at or after `at` that falls inside the client's business hours,
 * or null when the week has no opening at all.
 */
export function nextOpening(hours: BusinessHours, zone: string, at: Date): Date | null {
  const start = DateTime.fromJSDate(at, { zone });
  for (let day = 0; day <= 7; day++) {
    const date = start.plus({ days: day }).startOf("day");
    const windows = hours[WEEKDAYS[date.weekday - 1]!] ?? [];
    for (const w of [...windows].sort((a, b) => minutes(a.open) - minutes(b.open))) {
      const open = date.plus({ minutes: minutes(w.open) });
      const close = date.plus({ minutes: minutes(w.close) });
      if (start >= close) continue;
      return (start > open ? start : open).toJSDate();
    }
  }
  return null;
}

export function isOpen(hours: BusinessHours, zone: string, at: Date): boolean {
  return nextOpening(hours, zone, at)?.getTime() === at.getTime();
}
