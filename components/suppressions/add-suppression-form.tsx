"use client";

// Suppress an address for a client: who is recorded from the session, why from the form.
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, ApiError } from "@/components/api/api-client";
import { useClients } from "@/components/api/use-clients";
import { INPUT_CLASS, errorsByField } from "@/components/ui/field-errors";
import { PRIMARY_BUTTON } from "@/components/ui/field";
import { CHANNEL_LABELS } from "./types";

export const SUPPRESSIONS_KEY = ["suppressions"] as const;

export function AddSuppressionForm({ clientId }: { clientId?: string }) {
  const queryClient = useQueryClient();
  const { clients } = useClients();
  const [form, setForm] = useState({ clientId: clientId ?? "", address: "", channel: "all", reason: "" });
  const mutation = useMutation({
    mutationFn: () => fetchJson("/api/suppressions", { method: "POST", json: { ...form, clientId: form.clientId || undefined } }),
    onSuccess: () => {
      setForm((f) => ({ ...f, address: "", reason: "" }));
      void queryClient.invalidateQueries({ queryKey: SUPPRESSIONS_KEY });
    },
  });
  const errors = mutation.error instanceof ApiError ? errorsByField(mutation.error.details) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <form onSubmit={submit} aria-label="Suppress an address" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,0.8fr)_minmax(0,1.5fr)_auto] lg:items-end dark:border-slate-800 dark:bg-slate-900">
      <label className="flex min-w-0 flex-col text-sm font-medium">
        Client
        <select value={form.clientId} onChange={set("clientId")} required className={INPUT_CLASS} aria-invalid={errors.clientId ? true : undefined}>
          <option value="">Choose…</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 flex-col text-sm font-medium">
        Phone or email
        <input value={form.address} onChange={set("address")} required placeholder="+15551234567" className={INPUT_CLASS} aria-invalid={errors.address ? true : undefined} />
      </label>
      <label className="flex min-w-0 flex-col text-sm font-medium">
        Channel
        <select value={form.channel} onChange={set("channel")} className={INPUT_CLASS}>
          {Object.entries(CHANNEL_LABELS).map(([v, l]) => (
            <option key={v} value={v}>{l}</option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 flex-col text-sm font-medium">
        Why
        <input value={form.reason} onChange={set("reason")} required placeholder="Asked on the phone not to be texted" className={INPUT_CLASS} aria-invalid={errors.reason ? true : undefined} />
      </label>
      <button type="submit" disabled={mutation.isPending} className={PRIMARY_BUTTON}>
        {mutation.isPending ? "Adding…" : "Suppress"}
      </button>
      {mutation.error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2 lg:col-span-5 dark:text-red-300">
          {mutation.error.message}
        </p>
      )}
    </form>
  );
}
