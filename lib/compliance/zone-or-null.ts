// A customer zone as a call or a caller gave it: a valid IANA zone, or null (an unknown
// one is ignored rather than refusing the call it came with). Pure, for lib/followups/plan.ts.
import { IANAZone } from "luxon";

export function zoneOrNull(value: unknown): string | null {
  return typeof value === "string" && value.trim() && IANAZone.isValidZone(value.trim()) ? value.trim() : null;
}
