"use client";

// Name, timezone, locale, the sender ids messages go out from, and how calls find this client.
import { useState } from "react";
import type { ApiClient } from "@/components/api/types";
import { splitList } from "./split-list";
import { errorsUnder, type FieldErrors } from "@/components/ui/field-errors";
import { Field, INPUT, describedBy } from "@/components/ui/field";
import { SectionCard } from "./section-card";
import { TimezoneInput } from "./timezone-input";
import { useSaveClient } from "./use-save-client";

function draftOf(c: ApiClient) {
  return {
    name: c.name,
    timezone: c.timezone,
    locale: c.settings.locale ?? "",
    smsFrom: c.smsFrom ?? "",
    whatsappFrom: c.whatsappFrom ?? "",
    emailFrom: c.emailFrom ?? "",
    agentIds: c.agentIds.join("\n"),
    phoneNumbers: c.phoneNumbers.join("\n"),
  };
}
type Draft = ReturnType<typeof draftOf>;

/** "phoneNumbers.1" → "line 2: …", so a message about one line of a list says which. */
function listError(messages: FieldErrors, field: string): string | undefined {
  const entries = Object.entries(messages).filter(([p]) => p === field || p.startsWith(`${field}.`));
  if (!entries.length) return undefined;
  return entries.map(([p, m]) => (p === field ? m : `line ${Number(p.slice(field.length + 1).split(".")[0]) + 1}: ${m}`)).join("; ");
}

export function DetailsSection({ client }: { client: ApiClient }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(client));
  const { save, state } = useSaveClient(client.id);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const err = (path: string) => errorsUnder(state.errors, path)[0];

  const submit = async () => {
    const saved = await save({
      name: draft.name,
      timezone: draft.timezone.trim(),
      smsFrom: draft.smsFrom.trim() || null,
      whatsappFrom: draft.whatsappFrom.trim() || null,
      emailFrom: draft.emailFrom.trim() || null,
      agentIds: splitList(draft.agentIds),
      phoneNumbers: splitList(draft.phoneNumbers),
      // Settings merge key by key on the server: an empty locale leaves the saved one alone.
      ...(draft.locale.trim() && { settings: { locale: draft.locale.trim() } }),
    });
    if (saved) setDraft(draftOf(saved));
  };

  const field = (key: keyof Draft, label: string, hint: string, path: string = key, extra: object = {}) => (
    <Field id={`client-${key}`} label={label} hint={hint} error={err(path)}>
      <input {...describedBy(`client-${key}`, err(path))} value={draft[key]} onChange={set(key)} className={INPUT} {...extra} />
    </Field>
  );

  return (
    <SectionCard id="details" title="Details and senders" description="Who the client is and where its messages come from." state={state} onSubmit={() => void submit()}>
      <div className="grid gap-4 md:grid-cols-2">
        {field("name", "Name", "Used as {{businessName}} in templates.")}
        <Field id="client-timezone" label="Timezone" error={err("timezone")} hint="Business hours and appointment times are in this zone.">
          <TimezoneInput {...describedBy("client-timezone", err("timezone"))} value={draft.timezone} onChange={set("timezone")} />
        </Field>
        {field("smsFrom", "SMS sender", "E.164 number, e.g. +15550001111. Empty: the provider's default.", "smsFrom", { inputMode: "tel" })}
        {field("whatsappFrom", "WhatsApp sender", "whatsapp:+15550001111", "whatsappFrom")}
        {field("emailFrom", "Email sender", "e.g. desk@example.com", "emailFrom", { type: "email" })}
        {field("locale", "Locale", "How appointment times are written, e.g. en-US or de-DE.", "settings.locale")}
        <Field id="client-agentIds" label="Voice agent ids" error={listError(state.errors, "agentIds")} hint="One per line. Calls from these agents belong to this client.">
          <textarea {...describedBy("client-agentIds", listError(state.errors, "agentIds"))} rows={3} value={draft.agentIds} onChange={set("agentIds")} className={`${INPUT} font-mono`} />
        </Field>
        <Field id="client-phoneNumbers" label="Agent phone numbers" error={listError(state.errors, "phoneNumbers")} hint="One per line, E.164. Calls to or from these numbers belong to this client.">
          <textarea {...describedBy("client-phoneNumbers", listError(state.errors, "phoneNumbers"))} rows={3} value={draft.phoneNumbers} onChange={set("phoneNumbers")} className={`${INPUT} font-mono`} />
        </Field>
      </div>
    </SectionCard>
  );
}
