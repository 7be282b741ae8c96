"use client";

// An ad-hoc SMS, WhatsApp or email for one client. Checked in the browser with the API's own
// schema (messageInputSchema) before it is sent; a 400 from POST /api/messages puts each
// `details[].path` message under its field as well.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { messageInputSchema } from "@/lib/schemas/message";
import { ApiError, fetchJson } from "@/components/api/api-client";
import { detailsOf, errorsByField, FieldError, type FieldErrors } from "@/components/ui/field-errors";
import type { ApiMessage } from "@/components/api/types";
import { useClients } from "@/components/api/use-clients";
import { ComposeFields, type ComposeValues } from "./compose-fields";

function toInput(v: ComposeValues) {
  return {
    clientId: v.clientId,
    channel: v.channel,
    to: v.to.trim(),
    ...(v.channel === "email" && { subject: v.subject }),
    body: v.body || undefined,
    category: v.category,
    ...(v.sendAt && { scheduledFor: new Date(v.sendAt).toISOString() }),
  };
}

export function ComposeForm({ defaultClientId, onCancel, onSent }: { defaultClientId?: string; onCancel: () => void; onSent: (m: ApiMessage) => void }) {
  const queryClient = useQueryClient();
  const { clients, isPending: clientsLoading } = useClients();
  const [values, setValues] = useState<ComposeValues>({
    clientId: defaultClientId ?? "",
    channel: "sms",
    to: "",
    subject: "",
    body: "",
    category: "transactional",
    sendAt: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const clientId = values.clientId || (clients.length === 1 ? clients[0]!.id : "");

  const mutation = useMutation({
    mutationFn: (input: ReturnType<typeof toInput>) => fetchJson<{ message: ApiMessage }>("/api/messages", { method: "POST", json: input }),
    onSuccess: ({ message }) => {
      void queryClient.invalidateQueries({ queryKey: ["messages"] });
      void queryClient.invalidateQueries({ queryKey: ["stats"] });
      onSent(message);
    },
    onError: (err) => setErrors(err instanceof ApiError && err.details.length ? errorsByField(err.details) : { form: err.message }),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = toInput({ ...values, clientId });
    const parsed = messageInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(errorsByField(detailsOf(parsed.error)));
      return;
    }
    setErrors({});
    mutation.mutate(input);
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="compose-form" className="space-y-3 px-5 py-4">
      <ComposeFields
        values={{ ...values, clientId }}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        errors={errors}
        clients={clients}
        clientsLoading={clientsLoading}
      />
      <FieldError message={errors.form} />
      <div className="flex justify-end gap-2 border-t border-slate-200 pt-3 dark:border-slate-800">
        <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 dark:text-slate-300 dark:ring-slate-700 dark:hover:bg-slate-800">
          Cancel
        </button>
        <button type="submit" disabled={mutation.isPending} className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-50">
          {mutation.isPending ? "Sending…" : values.sendAt ? "Schedule" : "Send"}
        </button>
      </div>
    </form>
  );
}
