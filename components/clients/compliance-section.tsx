"use client";

// Compliance: quiet hours in the customer's zone (narrowing only), STOP / START / HELP,
// consent for marketing and frequency caps. Saved as settings.compliance (the whole object,
// so a field emptied here goes back to Herald's default).
import { useState } from "react";
import type { ApiClient } from "@/components/api/types";
import { defaultKeywordTexts, type ComplianceSettingsInput } from "@/lib/compliance/settings-schema";
import { errorsUnder } from "@/components/ui/field-errors";
import { Field, INPUT, INPUT_BASE, describedBy } from "@/components/ui/field";
import { SectionCard } from "./section-card";
import { useSaveClient } from "./use-save-client";

const P = "settings.compliance";
const CHECKBOX = "h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500 dark:border-slate-600";
const SHORT = `${INPUT_BASE} w-24 font-mono tabular-nums`;

function draftOf(c: ApiClient) {
  const s: ComplianceSettingsInput = c.settings.compliance ?? {};
  return {
    holdTransactional: s.quietHoursCategories?.includes("transactional") ?? false,
    notBefore: s.quietHours?.notBefore ?? "",
    notAfter: s.quietHours?.notAfter ?? "",
    providerHandlesOptOut: s.providerHandlesOptOut ?? false,
    stopText: s.stopText ?? "",
    startText: s.startText ?? "",
    helpText: s.helpText ?? "",
    contact: s.contact ?? "",
    marketingRequiresConsent: s.marketingRequiresConsent ?? false,
    withoutConsent: s.withoutConsent ?? "refuse",
    perDay: s.frequencyCap?.perDay?.toString() ?? "",
    perWeek: s.frequencyCap?.perWeek?.toString() ?? "",
    excess: s.frequencyCap?.excess ?? "wait",
  };
}
type Draft = ReturnType<typeof draftOf>;

/** "" → left out (Herald's default); anything else → a number, or the text itself so the schema names it. */
const count = (v: string) => (v.trim() === "" ? undefined : /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : (v as unknown as number));
const text = (v: string) => v.trim() || undefined;

function toSettings(d: Draft): ComplianceSettingsInput {
  const s: ComplianceSettingsInput = {
    quietHoursCategories: d.holdTransactional ? ["transactional"] : [],
    providerHandlesOptOut: d.providerHandlesOptOut,
    marketingRequiresConsent: d.marketingRequiresConsent,
    withoutConsent: d.withoutConsent,
    frequencyCap: { perDay: count(d.perDay), perWeek: count(d.perWeek), excess: d.excess },
  };
  if (text(d.notBefore) || text(d.notAfter)) s.quietHours = { notBefore: text(d.notBefore), notAfter: text(d.notAfter) };
  for (const key of ["stopText", "startText", "helpText", "contact"] as const) if (text(d[key])) s[key] = text(d[key]);
  return s;
}

export function ComplianceSection({ client }: { client: ApiClient }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(client));
  const { save, state } = useSaveClient(client.id);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (path: string) => errorsUnder(state.errors, `${P}.${path}`)[0];
  const legacyHelp = (client.settings as { helpText?: string }).helpText;
  const defaults = defaultKeywordTexts(client.name, text(draft.contact));

  const submit = async () => {
    const saved = await save({ settings: { compliance: toSettings(draft) } });
    if (saved) setDraft(draftOf(saved));
  };

  const input = (key: "notBefore" | "notAfter" | "perDay" | "perWeek", label: string, path: string, placeholder: string) => (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 dark:text-slate-200">
      {label}
      <input {...describedBy(`compliance-${key}`, err(path))} aria-label={label} value={draft[key]} onChange={(e) => set(key, e.target.value)} inputMode="numeric" placeholder={placeholder} className={SHORT} />
      {err(path) && <span id={`compliance-${key}-error`} data-testid="field-error" className="text-xs font-normal text-red-700 dark:text-red-300">{err(path)}</span>}
    </label>
  );
  const reply = (key: "stopText" | "startText" | "helpText", label: string, placeholder: string) => (
    <Field id={`compliance-${key}`} label={label} error={err(key)} hint="Empty: the text shown, Herald's default.">
      <textarea {...describedBy(`compliance-${key}`, err(key))} rows={2} value={draft[key]} onChange={(e) => set(key, e.target.value)} placeholder={placeholder} className={INPUT} />
    </Field>
  );

  return (
    <SectionCard
      id="compliance"
      title="Compliance"
      description="Quiet hours in the customer's own zone, STOP / START / HELP, consent and how often marketing may go to one customer."
      state={state}
      onSubmit={() => void submit()}
    >
      <div className="space-y-6">
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Quiet hours</legend>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            Marketing texts only go 08:00–21:00 in the customer's zone (stricter in some US states), within your business hours. A window here can only narrow that.
          </p>
          <div className="flex flex-wrap gap-4">
            {input("notBefore", "Not before", "quietHours.notBefore", "08:00")}
            {input("notAfter", "Not after", "quietHours.notAfter", "21:00")}
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className={CHECKBOX} checked={draft.holdTransactional} onChange={(e) => set("holdTransactional", e.target.checked)} />
            Also hold confirmations and reminders to quiet hours (marketing is always held)
          </label>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">STOP, START and HELP</legend>
          <div className="space-y-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="optout" className={CHECKBOX} checked={!draft.providerHandlesOptOut} onChange={() => set("providerHandlesOptOut", false)} />
              Herald replies to STOP, START and HELP
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="optout" className={CHECKBOX} checked={draft.providerHandlesOptOut} onChange={() => set("providerHandlesOptOut", true)} />
              The provider replies (e.g. Twilio Advanced Opt-Out); Herald records the opt-out and stays silent
            </label>
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            {reply("stopText", "Reply to STOP", defaults.stopText)}
            {reply("startText", "Reply to START", defaults.startText)}
            {reply("helpText", "Reply to HELP", legacyHelp ?? defaults.helpText)}
            <Field id="compliance-contact" label="Contact for HELP" error={err("contact")} hint="A phone number, address or web page, named in the HELP reply.">
              <input {...describedBy("compliance-contact", err("contact"))} value={draft.contact} onChange={(e) => set("contact", e.target.value)} placeholder="+1 555 000 1111 or example.com/help" className={INPUT} />
            </Field>
          </div>
        </fieldset>

        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Consent for marketing</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className={CHECKBOX} checked={draft.marketingRequiresConsent} onChange={(e) => set("marketingRequiresConsent", e.target.checked)} />
            Marketing only to customers with a consent on record
          </label>
          {!draft.marketingRequiresConsent && (
            <p data-testid="consent-suggestion" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
              Suggested: turn this on. Marketing to someone who never agreed to it is what the law punishes; consents come from calls, web forms and the API.
            </p>
          )}
          {draft.marketingRequiresConsent && (
            <label className="flex items-center gap-2 text-sm">
              Without a consent:
              <select aria-label="Without a consent" value={draft.withoutConsent} onChange={(e) => set("withoutConsent", e.target.value as Draft["withoutConsent"])} className={INPUT_BASE}>
                <option value="refuse">refuse the message</option>
                <option value="hold">hold it until a consent is recorded</option>
              </select>
            </label>
          )}
        </fieldset>

        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Frequency caps</legend>
          <p className="text-sm text-slate-500 dark:text-slate-400">Marketing messages to one customer, in any 24 hours and any 7 days. Empty: 1 and 3.</p>
          <div className="flex flex-wrap items-start gap-4">
            {input("perDay", "Per day", "frequencyCap.perDay", "1")}
            {input("perWeek", "Per week", "frequencyCap.perWeek", "3")}
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 dark:text-slate-200">
              Over the cap
              <select aria-label="Over the cap" value={draft.excess} onChange={(e) => set("excess", e.target.value as Draft["excess"])} className={INPUT_BASE}>
                <option value="wait">wait until allowed</option>
                <option value="cancel">cancel it</option>
              </select>
            </label>
          </div>
        </fieldset>
      </div>
    </SectionCard>
  );
}
