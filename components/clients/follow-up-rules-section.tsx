"use client";

// Which follow-ups a call sets off: booked, interested (nurture) and not connected (missed call).
import { useState, type ReactNode } from "react";
import { rulesFromSettings, type PhoneChannel } from "@/lib/followups/rules";
import type { ApiClient } from "@/components/api/types";
import { splitList } from "./split-list";
import { errorsUnder } from "@/components/ui/field-errors";
import { Field, INPUT, describedBy } from "@/components/ui/field";
import { SectionCard } from "./section-card";
import { useSaveClient } from "./use-save-client";

const P = "settings.followUps";

function draftOf(c: ApiClient) {
  const r = rulesFromSettings(c.settings);
  return {
    confirmationSms: r.booked.confirmationSms,
    confirmationEmail: r.booked.confirmationEmail,
    reminderHoursBefore: r.booked.reminderHoursBefore.join(", "),
    intents: r.interested.intents.join(", "),
    nurtureSmsAfterDays: r.interested.nurtureSmsAfterDays?.toString() ?? "",
    nurtureEmailAfterDays: r.interested.nurtureEmailAfterDays?.toString() ?? "",
    reasons: r.notConnected.reasons.join(", "),
    missedCallSms: r.notConnected.missedCallSms,
    bookingLink: r.bookingLink,
    channels: { confirmation: "sms", reminder: "sms", nurture: "sms", missedCall: "sms", ...r.channels } as Record<ChannelGroup, PhoneChannel>,
    whatsappSmsFallback: r.whatsappSmsFallback,
  };
}

type ChannelGroup = "confirmation" | "reminder" | "nurture" | "missedCall";
const CHANNEL_GROUPS: [ChannelGroup, string][] = [["confirmation", "Confirmation"], ["reminder", "Reminders"], ["nurture", "Nurture"], ["missedCall", "Missed call"]];
type Draft = ReturnType<typeof draftOf>;

/** Blank means "off" (null); anything else goes to the schema as a number, so "abc" is refused there. */
const days = (text: string) => (text.trim() === "" ? null : Number(text));

function Check({ checked, onChange, children }: { checked: boolean; onChange: (v: boolean) => void; children: ReactNode }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500 dark:border-slate-600" />
      {children}
    </label>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

export function FollowUpRulesSection({ client }: { client: ApiClient }) {
  const [d, setDraft] = useState<Draft>(() => draftOf(client));
  const { save, state } = useSaveClient(client.id);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((x) => ({ ...x, [key]: value }));
  const err = (path: string) => errorsUnder(state.errors, `${P}.${path}`)[0];
  const text = (key: keyof Draft, path: string, label: string, hint: string) => (
    <Field id={`rules-${key}`} label={label} hint={hint} error={err(path)}>
      <input {...describedBy(`rules-${key}`, err(path))} value={String(d[key])} onChange={(e) => set(key, e.target.value as never)} className={INPUT} />
    </Field>
  );

  const submit = async () => {
    const saved = await save({
      settings: {
        followUps: {
          booked: { confirmationSms: d.confirmationSms, confirmationEmail: d.confirmationEmail, reminderHoursBefore: splitList(d.reminderHoursBefore).map(Number) },
          interested: { intents: splitList(d.intents), nurtureSmsAfterDays: days(d.nurtureSmsAfterDays), nurtureEmailAfterDays: days(d.nurtureEmailAfterDays) },
          notConnected: { reasons: splitList(d.reasons), missedCallSms: d.missedCallSms },
          bookingLink: d.bookingLink.trim(),
          channels: d.channels,
          whatsappSmsFallback: d.whatsappSmsFallback,
        },
      },
    });
    if (saved) setDraft(draftOf(saved));
  };

  return (
    <SectionCard id="rules" title="Follow-up rules" description="What Herald sends after a call, by how the call went." state={state} onSubmit={() => void submit()}>
      <div className="grid gap-4 lg:grid-cols-3">
        <Group title="Booked">
          <Check checked={d.confirmationSms} onChange={(v) => set("confirmationSms", v)}>Confirmation SMS right away</Check>
          <Check checked={d.confirmationEmail} onChange={(v) => set("confirmationEmail", v)}>Confirmation email right away</Check>
          {text("reminderHoursBefore", "booked.reminderHoursBefore", "Reminder SMS, hours before", "Comma-separated, e.g. 24, 1. Empty: no reminders.")}
        </Group>
        <Group title="Interested, not booked">
          {text("intents", "interested.intents", "Intents that count", "Comma-separated, from the call's analysis.")}
          {text("nurtureSmsAfterDays", "interested.nurtureSmsAfterDays", "Nurture SMS after (days)", "Empty: no nurture SMS.")}
          {text("nurtureEmailAfterDays", "interested.nurtureEmailAfterDays", "Nurture email after (days)", "Empty: no nurture email.")}
        </Group>
        <Group title="Not connected">
          <Check checked={d.missedCallSms} onChange={(v) => set("missedCallSms", v)}>“Sorry we missed you” SMS</Check>
          {text("reasons", "notConnected.reasons", "Hang-up reasons that count", "Comma-separated, e.g. dial_no_answer.")}
        </Group>
      </div>
      <div className="mt-4 max-w-xl">{text("bookingLink", "bookingLink", "Booking link", "Used as {{bookingLink}} in nurture and missed-call messages.")}</div>
      {/* The phone channel per kind: WhatsApp goes only when the client has a WhatsApp sender, else SMS. */}
      <fieldset className="mt-4 space-y-2" data-testid="follow-up-channels">
        <legend className="text-sm font-semibold">Text messages go by</legend>
        <div className="flex flex-wrap gap-3">
          {CHANNEL_GROUPS.map(([group, label]) => (
            <label key={group} className="flex items-center gap-2 text-sm">
              {label}
              <select aria-label={`${label} by`} value={d.channels[group]} onChange={(e) => set("channels", { ...d.channels, [group]: e.target.value as PhoneChannel })} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900">
                <option value="sms">SMS</option>
                <option value="whatsapp">WhatsApp</option>
              </select>
            </label>
          ))}
        </div>
        <Check checked={d.whatsappSmsFallback} onChange={(v) => set("whatsappSmsFallback", v)}>
          By SMS instead when WhatsApp&apos;s 24-hour window has closed and no approved template is mapped
        </Check>
        {!client.whatsappFrom && <p className="text-xs text-slate-500 dark:text-slate-400">No WhatsApp sender yet: follow-ups go by SMS until one is set under Details.</p>}
      </fieldset>
    </SectionCard>
  );
}
