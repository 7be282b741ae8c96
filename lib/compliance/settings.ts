// A client's compliance settings (settings.compliance), with the defaults that keep a
// client out of trouble when it has set nothing. Saving validates strictly (the client
// schema); reading is lenient and fills defaults, so older rows read as the defaults.
import { complianceSettingsSchema, defaultKeywordTexts, type ComplianceSettingsInput } from "./settings-schema";
import type { Client } from "../generated/sqlite/client";
import { clientSettings } from "../domain/json-columns";

export { complianceSettingsSchema, type ComplianceSettingsInput };

export interface ComplianceSettings {
  quietHoursCategories: Set<string>;
  notBefore: number | null; // minutes after local midnight
  notAfter: number | null;
  providerHandlesOptOut: boolean;
  stopText: string;
  startText: string;
  helpText: string;
  marketingRequiresConsent: boolean;
  withoutConsent: "hold" | "refuse";
  perDay: number;
  perWeek: number;
  excess: "wait" | "cancel";
}

export const DEFAULT_CAP = { perDay: 1, perWeek: 3 } as const;

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}

const lenient = complianceSettingsSchema.partial().passthrough();
const cache = new WeakMap<object, ComplianceSettings>();

/** The client's compliance settings with defaults filled (cached per client row object). */
export function complianceOf(client: Pick<Client, "name" | "settings">): ComplianceSettings {
  const hit = cache.get(client);
  if (hit) return hit;
  const stored = clientSettings(client);
  const parsed = lenient.safeParse(stored.compliance ?? {});
  const s: ComplianceSettingsInput = parsed.success ? parsed.data : {};
  const defaults = defaultKeywordTexts(client.name, s.contact);
  const result: ComplianceSettings = {
    quietHoursCategories: new Set(["marketing", ...(s.quietHoursCategories ?? [])]),
    notBefore: s.quietHours?.notBefore ? minutesOf(s.quietHours.notBefore) : null,
    notAfter: s.quietHours?.notAfter ? minutesOf(s.quietHours.notAfter) : null,
    providerHandlesOptOut: s.providerHandlesOptOut ?? false,
    stopText: s.stopText ?? defaults.stopText,
    startText: s.startText ?? defaults.startText,
    // The older top-level helpText still answers HELP when no compliance.helpText is set.
    helpText: s.helpText ?? stored.helpText ?? defaults.helpText,
    marketingRequiresConsent: s.marketingRequiresConsent ?? false,
    withoutConsent: s.withoutConsent ?? "refuse",
    perDay: s.frequencyCap?.perDay ?? DEFAULT_CAP.perDay,
    perWeek: s.frequencyCap?.perWeek ?? DEFAULT_CAP.perWeek,
    excess: s.frequencyCap?.excess ?? "wait",
  };
  cache.set(client, result);
  return result;
}
