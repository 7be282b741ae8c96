"use client";

// WhatsApp templates: when the customer has not written in 24 hours, WhatsApp takes only
// templates Meta approved. Each row maps a template kind (confirmation, reminder …) to its
// Twilio Content SID and fills its numbered placeholders with Herald's variables. Saved as
// settings.whatsappTemplates, the whole map (a row removed here is gone).
import { useState } from "react";
import type { ApiClient } from "@/components/api/types";
import { FOLLOW_UP_KINDS, KNOWN_VARIABLES } from "@/lib/templates/defaults";
import type { WhatsAppTemplates } from "@/lib/whatsapp/templates";
import { errorsUnder } from "@/components/ui/field-errors";
import { INPUT, INPUT_BASE, SECONDARY_BUTTON } from "@/components/ui/field";
import { SectionCard } from "./section-card";
import { useSaveClient } from "./use-save-client";

const P = "settings.whatsappTemplates";
const KINDS = ["confirmation", "reminder", ...FOLLOW_UP_KINDS.filter((k) => k !== "confirmation"), "conversation_reply"];

interface Row { key: number; kind: string; contentSid: string; variables: string }

let nextKey = 0;
function rowsOf(c: ApiClient): Row[] {
  const map = (c.settings as { whatsappTemplates?: WhatsAppTemplates }).whatsappTemplates ?? {};
  return Object.entries(map).map(([kind, t]) => ({
    key: nextKey++, kind, contentSid: t.contentSid,
    variables: Object.entries(t.variables ?? {}).sort(([a], [b]) => Number(a) - Number(b)).map(([n, v]) => `${n} = ${v}`).join("\n"),
  }));
}

/** "1 = {{customerName}}" per line → {"1": "{{customerName}}"}; a line without "=" is kept whole so the schema names it. */
function variablesOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf("=");
    if (at < 0) out[line] = line;
    else out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

const toMap = (rows: Row[]): WhatsAppTemplates => Object.fromEntries(rows.map((r) => [r.kind.trim(), { contentSid: r.contentSid.trim(), variables: variablesOf(r.variables) }]));

export function WhatsAppSection({ client }: { client: ApiClient }) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(client));
  const { save, state } = useSaveClient(client.id);
  const err = (kind: string, field: string) => errorsUnder(state.errors, `${P}.${kind.trim()}.${field}`)[0];
  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const duplicates = new Set(rows.map((r) => r.kind.trim()).filter((k, i, all) => k && all.indexOf(k) !== i));

  const submit = async () => {
    if (duplicates.size) return;
    const saved = await save({ settings: { whatsappTemplates: toMap(rows.filter((r) => r.kind.trim() || r.contentSid.trim())) } });
    if (saved) setRows(rowsOf(saved));
  };

  return (
    <SectionCard
      id="whatsapp"
      title="WhatsApp templates"
      description="When a customer has not written in the last 24 hours, WhatsApp only takes templates Meta approved. Map each kind of message to its Twilio Content SID; without one, a follow-up goes by SMS (if the rules allow) or is not sent."
      state={state}
      onSubmit={() => void submit()}
    >
      <div className="space-y-3">
        {!client.whatsappFrom && (
          <p data-testid="whatsapp-no-sender" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
            This client has no WhatsApp sender yet (Details): everything goes by SMS until it has one.
          </p>
        )}
        <datalist id="whatsapp-kinds">{KINDS.map((k) => <option key={k} value={k} />)}</datalist>
        {rows.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">No templates mapped.</p>}
        <ul className="space-y-3">
          {rows.map((r) => {
            const id = `wa-${r.key}`;
            const kindError = duplicates.has(r.kind.trim()) ? "this kind is mapped twice" : undefined;
            const sidError = err(r.kind, "contentSid");
            const varError = err(r.kind, "variables");
            return (
              <li key={r.key} data-testid="whatsapp-template-row" className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[10rem_1fr] dark:border-slate-800">
                <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 dark:text-slate-200">
                  Kind
                  <input aria-label="Kind" list="whatsapp-kinds" value={r.kind} onChange={(e) => update(r.key, { kind: e.target.value })} aria-invalid={kindError ? true : undefined} placeholder="confirmation" className={`${INPUT_BASE} w-full font-mono`} />
                  {kindError && <span role="alert" data-testid="field-error" className="text-xs font-normal text-red-700 dark:text-red-300">{kindError}</span>}
                </label>
                <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 dark:text-slate-200">
                  Content SID
                  <input aria-label="Content SID" id={`${id}-sid`} value={r.contentSid} onChange={(e) => update(r.key, { contentSid: e.target.value })} aria-invalid={sidError ? true : undefined} placeholder="HX…" spellCheck={false} className={`${INPUT} font-mono`} />
                  {sidError && <span role="alert" data-testid="field-error" className="text-xs font-normal text-red-700 dark:text-red-300">{sidError}</span>}
                </label>
                <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 sm:col-span-2 dark:text-slate-200">
                  Placeholders, one per line
                  <textarea aria-label="Placeholders" rows={2} value={r.variables} onChange={(e) => update(r.key, { variables: e.target.value })} aria-invalid={varError ? true : undefined} placeholder={"1 = {{customerName}}\n2 = {{appointmentTime}}"} spellCheck={false} className={`${INPUT} font-mono`} />
                  {varError ? (
                    <span role="alert" data-testid="field-error" className="text-xs font-normal text-red-700 dark:text-red-300">{varError}</span>
                  ) : (
                    <span className="text-xs font-normal text-slate-500 dark:text-slate-400">Known: {KNOWN_VARIABLES.map((v) => `{{${v}}}`).join(" ")}</span>
                  )}
                </label>
                <div className="sm:col-span-2">
                  <button type="button" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} className="text-sm text-red-700 hover:underline dark:text-red-300">
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
        <button type="button" onClick={() => setRows((rs) => [...rs, { key: nextKey++, kind: "", contentSid: "", variables: "" }])} className={SECONDARY_BUTTON}>
          Add a template
        </button>
      </div>
    </SectionCard>
  );
}
