// The legal window for telephone solicitation in the recipient's local time: 08:00–21:00
// everywhere by default (47 CFR 64.1200(c)(1), and a safe default elsewhere), narrowed by
// the stricter US state rules below and by the client's own quiet hours (which only narrow).
import { DateTime } from "luxon";

export interface DayWindow {
  open: number; // minutes after local midnight
  close: number;
  /** Who sets each edge, for the held reason: "Texas, Sunday", "client's quiet hours". */
  openRule: string | null;
  closeRule: string | null;
}

export const DEFAULT_WINDOW = { open: 8 * 60, close: 21 * 60 };

interface StateRule {
  name: string;
  open?: number;
  close?: number;
  /** 1 = Monday … 7 = Sunday (luxon weekday): the rule applies on these days only. */
  days?: number[];
}

const EIGHT_TO_EIGHT = { open: 8 * 60, close: 20 * 60 };
export const STATE_RULES: Record<string, StateRule[]> = {
  FL: [{ name: "Florida", ...EIGHT_TO_EIGHT }],
  MD: [{ name: "Maryland", ...EIGHT_TO_EIGHT }],
  MS: [{ name: "Mississippi", ...EIGHT_TO_EIGHT }],
  NJ: [{ name: "New Jersey", ...EIGHT_TO_EIGHT }],
  OK: [{ name: "Oklahoma", ...EIGHT_TO_EIGHT }],
  CT: [{ name: "Connecticut", open: 9 * 60, close: 20 * 60 }],
  RI: [{ name: "Rhode Island", open: 9 * 60, close: 18 * 60 }],
  TX: [{ name: "Texas", open: 12 * 60, days: [7] }],
};

// USPS codes of the states and DC, to read the number tables' place names ("Texas").
const STATES = "AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming";
const STATE_NAMES: Record<string, string> = Object.fromEntries(STATES.split("|").map((s) => [s.slice(3).toLowerCase(), s.slice(0, 2)]));
const STATE_CODES = new Set(Object.values(STATE_NAMES));
const US_CODES = /,\s*([A-Z]{2})$/;

/** The state code of a place name from the number tables ("Texas", "San Antonio, TX"); null when unknown. */
export function stateCodeOf(place: string | null | undefined): string | null {
  if (!place) return null;
  const abbreviation = place.match(US_CODES)?.[1];
  if (abbreviation && STATE_CODES.has(abbreviation)) return abbreviation;
  return STATE_NAMES[place.trim().toLowerCase()] ?? null;
}

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** The window on one local day (weekday 1–7) for a state (or none) and the client's narrowing. */
export function windowOn(weekday: number, state: string | null, client: { notBefore: number | null; notAfter: number | null }): DayWindow {
  const w: DayWindow = { ...DEFAULT_WINDOW, openRule: null, closeRule: null };
  for (const rule of (state && STATE_RULES[state]) || []) {
    if (rule.days && !rule.days.includes(weekday)) continue;
    const label = rule.days ? `${rule.name}, ${DAY_NAMES[weekday - 1]}` : rule.name;
    if (rule.open !== undefined && rule.open > w.open) [w.open, w.openRule] = [rule.open, label];
    if (rule.close !== undefined && rule.close < w.close) [w.close, w.closeRule] = [rule.close, label];
  }
  if (client.notBefore !== null && client.notBefore > w.open) [w.open, w.openRule] = [client.notBefore, "client's quiet hours"];
  if (client.notAfter !== null && client.notAfter < w.close) [w.close, w.closeRule] = [client.notAfter, "client's quiet hours"];
  return w;
}

export interface LegalCheck {
  /** The first instant at or after `at` inside the window (== at when open now); null: never within two weeks. */
  opening: Date | null;
  /** Why `at` is outside, e.g. "Texas, Sunday before 12:00"; null when open. */
  rule: string | null;
}

/** When the recipient may next be messaged, from `at`, in `zone`. */
export function nextLegalOpening(zone: string, state: string | null, client: { notBefore: number | null; notAfter: number | null }, at: Date): LegalCheck {
  const start = DateTime.fromJSDate(at, { zone });
  let rule: string | null = null;
  for (let day = 0; day <= 14; day++) {
    const date = start.plus({ days: day }).startOf("day");
    const w = windowOn(date.weekday, state, client);
    if (w.open >= w.close) {
      if (day === 0) rule = `${w.closeRule ?? w.openRule ?? "quiet hours"}: closed all day`;
      continue;
    }
    const open = date.set({ hour: Math.floor(w.open / 60), minute: w.open % 60 });
    const close = w.close >= 24 * 60 ? date.plus({ days: 1 }) : date.set({ hour: Math.floor(w.close / 60), minute: w.close % 60 });
    if (day === 0 && rule === null) {
      if (start < open) rule = `${w.openRule ? `${w.openRule} ` : ""}before ${hhmm(w.open)}`;
      else if (start >= close) rule = `${w.closeRule ? `${w.closeRule} ` : ""}after ${hhmm(w.close)}`;
    }
    if (start >= close) continue;
    return { opening: (start > open ? start : open).toJSDate(), rule };
  }
  return { opening: null, rule };
}
