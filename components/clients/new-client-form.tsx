"use client";

// "New client": a name and a timezone, checked in the browser with the API's own schema.
// The answer carries the client's API key, which is shown this once.
import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { clientCreateSchema } from "@/lib/schemas/client";
import { ApiError, fetchJson } from "@/components/api/api-client";
import { detailsOf, errorsByPath, type FieldErrors } from "@/components/ui/field-errors";
import type { ClientWithKey } from "@/components/api/types";
import { ApiKeyReveal } from "./api-key-reveal";
import { Field, INPUT, PRIMARY_BUTTON, SECONDARY_BUTTON, describedBy } from "@/components/ui/field";
import { browserTimeZone, TimezoneInput } from "./timezone-input";
import { CLIENTS_QUERY_KEY } from "@/components/api/use-clients";

export function NewClientForm({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [timezone, setTimezone] = useState(browserTimeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<ClientWithKey | null>(null);
  const mutation = useMutation({
    mutationFn: (input: unknown) => fetchJson<ClientWithKey>("/api/clients", { method: "POST", json: input }),
    onSuccess: (answer) => {
      setCreated(answer);
      void queryClient.invalidateQueries({ queryKey: CLIENTS_QUERY_KEY });
    },
    onError: (err) => setErrors(err instanceof ApiError ? errorsByPath(err.details) : {}),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = clientCreateSchema.safeParse({ name, timezone: timezone.trim() });
    if (!parsed.success) return setErrors(errorsByPath(detailsOf(parsed.error)));
    setErrors({});
    mutation.mutate(parsed.data);
  };

  if (created) {
    return (
      <div className="space-y-3">
        <ApiKeyReveal apiKey={created.apiKey} title={`${created.client.name} is ready: here is its API key`} onDone={onClose} />
        <Link href={`/clients/${encodeURIComponent(created.client.id)}`} className="inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Set up {created.client.name}: hours, senders, templates →
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="New client" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 className="text-base font-semibold">New client</h2>
      <p className="mb-4 text-sm text-slate-500 dark:text-slate-400">Business hours start as Mon–Fri 09:00–17:00; change them and everything else after creating.</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="new-client-name" label="Name" error={errors.name} hint="As customers know the business, e.g. Bright Smile Dental.">
          <input {...describedBy("new-client-name", errors.name)} value={name} onChange={(e) => setName(e.target.value)} autoFocus className={INPUT} />
        </Field>
        <Field id="new-client-timezone" label="Timezone" error={errors.timezone} hint="IANA zone; business hours and appointment times use it.">
          <TimezoneInput {...describedBy("new-client-timezone", errors.timezone)} value={timezone} onChange={(e) => setTimezone(e.target.value)} />
        </Field>
      </div>
      {mutation.error && !Object.keys(errors).length && (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          Could not create the client: {mutation.error.message}
        </p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" onClick={onClose} className={SECONDARY_BUTTON}>
          Cancel
        </button>
        <button type="submit" disabled={mutation.isPending} className={PRIMARY_BUTTON}>
          {mutation.isPending ? "Creating…" : "Create client"}
        </button>
      </div>
    </form>
  );
}
