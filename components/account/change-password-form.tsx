"use client";

// "Change password": the current one, the new one twice (compared here; the route checks the
// rest with the same schema). POST /api/auth/password signs out every other session, and
// the answer says how many.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fetchJson } from "@/components/api/api-client";
import { Field, INPUT, PRIMARY_BUTTON, describedBy } from "@/components/ui/field";
import { detailsOf, errorsByField, problemsOf, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-error";
import { MIN_PASSWORD, changePasswordSchema } from "@/lib/users/schemas";
import { SESSIONS_QUERY_KEY } from "./use-sessions";

const FIELDS = ["currentPassword", "newPassword"];

export function ChangePasswordForm() {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [revoked, setRevoked] = useState<number | null>(null);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => fetchJson<{ ok: true; revoked: number }>("/api/auth/password", { method: "POST", json: body }),
    onSuccess: (answer) => {
      setRevoked(answer.revoked);
      setCurrent("");
      setNext("");
      setConfirm("");
    },
    onError: (err) => setErrors(problemsOf(err, FIELDS)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRevoked(null);
    const parsed = changePasswordSchema.safeParse({ currentPassword: current, newPassword: next });
    const found = parsed.success ? {} : errorsByField(detailsOf(parsed.error));
    if (confirm !== next) found.confirm = "does not match the new password";
    if (!parsed.success || found.confirm) return setErrors(found);
    setErrors({});
    change.mutate(parsed.data);
  };

  return (
    <section aria-labelledby="password-title" className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <form data-testid="change-password-form" onSubmit={submit} noValidate>
        <div className="border-b border-slate-200 px-4 py-3 dark:border-slate-800">
          <h2 id="password-title" className="text-base font-semibold">
            Change password
          </h2>
          <p className="mt-0.5 text-sm text-slate-500 dark:text-slate-400">Every other browser signed in as you is signed out; this one stays.</p>
        </div>
        <div className="grid gap-4 px-4 py-4 sm:grid-cols-3">
          <Field id="current-password" label="Current password" error={errors.currentPassword}>
            <input {...describedBy("current-password", errors.currentPassword)} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} className={INPUT} />
          </Field>
          <Field id="new-password" label="New password" error={errors.newPassword} hint={`At least ${MIN_PASSWORD} characters.`}>
            <input {...describedBy("new-password", errors.newPassword)} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} className={INPUT} />
          </Field>
          <Field id="confirm-password" label="Confirm new password" error={errors.confirm}>
            <input {...describedBy("confirm-password", errors.confirm)} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} className={INPUT} />
          </Field>
        </div>
        <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 bg-slate-50 px-4 py-2.5 dark:border-slate-800 dark:bg-slate-900/60">
          <div aria-live="polite" className="mr-auto min-h-5 text-sm">
            {revoked !== null && (
              <p data-testid="password-changed" className="text-green-700 dark:text-green-300">
                Password changed. {revoked} other session{revoked === 1 ? " was" : "s were"} signed out.
              </p>
            )}
            <FormError message={errors.form} />
          </div>
          <button type="submit" disabled={change.isPending} className={PRIMARY_BUTTON}>
            {change.isPending ? "Changing…" : "Change password"}
          </button>
        </div>
      </form>
    </section>
  );
}
