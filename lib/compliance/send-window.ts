// The send window of one message: the client's business hours (in the client's zone)
// intersected with the legal window in the recipient's zone. Returns "now" when both are
// open, or the first instant both are, with the reason that names the rule holding it.
import { DateTime } from "luxon";
import type { BusinessHours } from "../schemas/client";
import { nextOpening } from "../followups/business-hours";
import { zoneName } from "../followups/zone-name";
import { nextLegalOpening } from "./legal-window";
import type { Recipient } from "./recipient-zone";

export type WindowDecision = { open: true } | { open: false; until: Date; reason: string } | { open: false; until: null; reason: string };

/** Further away than this, the windows are taken never to meet (a DST quirk months ahead is no opening). */
const HORIZON_MS = 14 * 86_400_000;

export interface WindowInput {
  hours: BusinessHours | null; // null: business hours do not apply (a category held to quiet hours only)
  clientZone: string;
  recipient: Recipient;
  narrowing: { notBefore: number | null; notAfter: number | null };
  locale?: string;
}

function when(at: Date, zone: string, locale: string): string {
  const local = DateTime.fromJSDate(at, { zone });
  return `${local.toFormat("ccc d LLL HH:mm")} ${zoneName(at, zone, locale)}`;
}

export function sendWindow(input: WindowInput, now: Date): WindowDecision {
  const { recipient, clientZone, hours, narrowing } = input;
  const locale = input.locale ?? "en-US";
  const legalNow = nextLegalOpening(recipient.zone, recipient.state, narrowing, now);
  const businessNow = hours ? nextOpening(hours, clientZone, now) : now;
  if (!businessNow) return { open: false, until: null, reason: "no business hours configured for marketing messages" };
  if (!legalNow.opening) return { open: false, until: null, reason: `quiet hours in ${recipient.zone} leave no opening within two weeks` };
  // Step each window forward to the other's opening until they agree (both only move forward).
  let t = new Date(Math.max(businessNow.getTime(), legalNow.opening.getTime()));
  const horizon = now.getTime() + HORIZON_MS;
  for (let i = 0; i < 64 && t.getTime() <= horizon; i++) {
    const b = hours ? nextOpening(hours, clientZone, t) : t;
    const l = b ? nextLegalOpening(recipient.zone, recipient.state, narrowing, b).opening : null;
    if (!b || !l || l.getTime() > horizon) break;
    if (l.getTime() === b.getTime()) {
      if (l.getTime() <= now.getTime()) return { open: true };
      const held = legalNow.rule
        ? `quiet hours in ${recipient.zone} (${legalNow.rule})`
        : "outside business hours";
      return { open: false, until: l, reason: `${held}; held until ${when(l, legalNow.rule ? recipient.zone : clientZone, locale)}` };
    }
    t = l;
  }
  return { open: false, until: null, reason: `business hours in ${clientZone} do not meet the legal window in ${recipient.zone} within two weeks` };
}
