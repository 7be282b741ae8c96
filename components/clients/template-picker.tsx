"use client";

// Choose which template to edit: the kind of follow-up, then the channel. Marks show the
// client's own texts and the ones the server refused.
import { CHANNEL_LABELS, kindLabel } from "@/components/ui/labels";
import { FOLLOW_UP_KINDS, findTemplate } from "@/lib/templates/defaults";
import type { TemplateText } from "@/components/api/types";

// The picker's order (SMS, Email, WhatsApp), not the server's.
const CHANNELS = (["sms", "email", "whatsapp"] as const).map((id) => ({ id, label: CHANNEL_LABELS[id]! }));

const PILL = "inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-sm font-medium transition focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500";
const ON = "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900";
const OFF = "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800";

function Marks({ custom, errored }: { custom: boolean; errored: boolean }) {
  return (
    <>
      {custom && <span aria-label="customized" title="The client's own text" className="h-1.5 w-1.5 rounded-full bg-indigo-500" />}
      {errored && <span aria-label="has errors" title="Refused: see the message under the field" className="h-1.5 w-1.5 rounded-full bg-red-500" />}
    </>
  );
}

export function TemplatePicker({
  selected,
  onSelect,
  overrides,
  errored,
}: {
  selected: { kind: string; channel: string };
  onSelect: (s: { kind: string; channel: string }) => void;
  overrides: Record<string, TemplateText>;
  errored: ReadonlySet<string>;
}) {
  const has = (set: ReadonlySet<string> | Record<string, unknown>, kind: string) =>
    CHANNELS.some((c) => (set instanceof Set ? set.has(`${kind}.${c.id}`) : `${kind}.${c.id}` in set));

  return (
    <div className="space-y-2">
      <div role="group" aria-label="Follow-up kind" className="flex flex-wrap gap-1">
        {FOLLOW_UP_KINDS.map((kind) => (
          <button key={kind} type="button" aria-pressed={selected.kind === kind} onClick={() => onSelect({ ...selected, kind })} className={`${PILL} ${selected.kind === kind ? ON : OFF}`}>
            {kindLabel(kind)}
            <Marks custom={has(overrides, kind)} errored={has(errored, kind)} />
          </button>
        ))}
      </div>
      <div role="group" aria-label="Channel" className="inline-flex rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800">
        {CHANNELS.map((c) => {
          const key = `${selected.kind}.${c.id}`;
          const active = selected.channel === c.id;
          const none = !(key in overrides) && !findTemplate(selected.kind, c.id);
          return (
            <button
              key={c.id}
              type="button"
              aria-pressed={active}
              onClick={() => onSelect({ ...selected, channel: c.id })}
              title={none ? "No default template for this channel" : undefined}
              className={`${PILL} py-0.5 ${active ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-white" : "text-slate-600 dark:text-slate-300"} ${none && !active ? "opacity-60" : ""}`}
            >
              {c.label}
              <Marks custom={key in overrides} errored={errored.has(key)} />
            </button>
          );
        })}
      </div>
    </div>
  );
}
