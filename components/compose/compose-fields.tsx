"use client";

// The inputs of the compose form; errors are keyed by the API's field names.
import { FieldError, INPUT_CLASS, type FieldErrors } from "@/components/ui/field-errors";
import { CHANNELS, type Channel } from "@/components/api/message-statuses";
import { channelLabel } from "@/components/ui/labels";
import type { ApiClient } from "@/components/api/types";

export interface ComposeValues {
  clientId: string;
  channel: Channel;
  to: string;
  subject: string;
  body: string;
  category: "transactional" | "marketing";
  /** datetime-local in the viewer's zone; empty sends now. */
  sendAt: string;
}

const LABEL = "block text-sm font-medium";
const PLACEHOLDER: Record<Channel, string> = { sms: "+15551234567", whatsapp: "+15551234567", email: "name@example.com" };

interface Props {
  values: ComposeValues;
  onChange: (patch: Partial<ComposeValues>) => void;
  errors: FieldErrors;
  clients: ApiClient[];
  clientsLoading: boolean;
}

export function ComposeFields({ values, onChange, errors, clients, clientsLoading }: Props) {
  return (
    <>
      <div>
        <label htmlFor="compose-client" className={LABEL}>
          Client
        </label>
        <select id="compose-client" value={values.clientId} onChange={(e) => onChange({ clientId: e.target.value })} aria-invalid={!!errors.clientId} className={`${INPUT_CLASS} w-full`}>
          <option value="">{clientsLoading ? "Loading clients…" : "Choose a client"}</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError message={errors.clientId} />
      </div>
      <fieldset>
        <legend className={LABEL}>Channel</legend>
        <div className="mt-1 inline-flex rounded-md ring-1 ring-inset ring-slate-300 dark:ring-slate-700">
          {CHANNELS.map((c, i) => (
            <label
              key={c}
              className={`cursor-pointer px-3 py-1.5 text-sm has-[:checked]:bg-indigo-600 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 ${i === 0 ? "rounded-l-md" : ""} ${i === CHANNELS.length - 1 ? "rounded-r-md" : ""}`}
            >
              <input type="radio" name="compose-channel" value={c} checked={values.channel === c} onChange={() => onChange({ channel: c })} className="sr-only" />
              {channelLabel(c)}
            </label>
          ))}
        </div>
        <FieldError message={errors.channel} />
      </fieldset>
      <div>
        <label htmlFor="compose-to" className={LABEL}>
          To
        </label>
        <input
          id="compose-to"
          type={values.channel === "email" ? "email" : "tel"}
          value={values.to}
          onChange={(e) => onChange({ to: e.target.value })}
          placeholder={PLACEHOLDER[values.channel]}
          autoComplete="off"
          aria-invalid={!!errors.to}
          className={`${INPUT_CLASS} w-full font-mono`}
        />
        <FieldError message={errors.to} />
      </div>
      {values.channel === "email" && (
        <div>
          <label htmlFor="compose-subject" className={LABEL}>
            Subject
          </label>
          <input id="compose-subject" value={values.subject} onChange={(e) => onChange({ subject: e.target.value })} aria-invalid={!!errors.subject} className={`${INPUT_CLASS} w-full`} />
          <FieldError message={errors.subject} />
        </div>
      )}
      <div>
        <label htmlFor="compose-body" className={LABEL}>
          Message
        </label>
        <textarea id="compose-body" value={values.body} onChange={(e) => onChange({ body: e.target.value })} rows={4} aria-invalid={!!errors.body} className={`${INPUT_CLASS} w-full`} />
        <div className="flex justify-between">
          <FieldError message={errors.body} />
          <span className="ml-auto mt-1 text-xs tabular-nums text-slate-500 dark:text-slate-400">{values.body.length} characters</span>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="compose-category" className={LABEL}>
            Category
          </label>
          <select
            id="compose-category"
            value={values.category}
            onChange={(e) => onChange({ category: e.target.value as ComposeValues["category"] })}
            className={`${INPUT_CLASS} w-full`}
          >
            <option value="transactional">Transactional</option>
            <option value="marketing">Marketing (business hours only)</option>
          </select>
          <FieldError message={errors.category} />
        </div>
        <div>
          <label htmlFor="compose-send-at" className={LABEL}>
            Send at <span className="font-normal text-slate-500">(your time; empty = now)</span>
          </label>
          <input
            id="compose-send-at"
            type="datetime-local"
            value={values.sendAt}
            onChange={(e) => onChange({ sendAt: e.target.value })}
            aria-invalid={!!errors.scheduledFor}
            className={`${INPUT_CLASS} w-full`}
          />
          <FieldError message={errors.scheduledFor} />
        </div>
      </div>
    </>
  );
}
