"use client";

// "Reset password": the owner sets a new password for someone (POST /api/users/:id/password),
// which also signs them out everywhere. One button opens the field and then submits it.
import { useState } from "react";
import { SECONDARY_BUTTON, describedBy, INPUT_BASE } from "@/components/ui/field";
import { detailsOf, errorsByField, FieldError, problemsOf, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-error";
import { MIN_PASSWORD, resetPasswordSchema } from "@/lib/users/schemas";
import { fetchJson } from "@/components/api/api-client";
import type { ApiUser } from "./types";
import { useUsersMutation } from "./use-users";

export function UserPasswordReset({ user }: { user: ApiUser }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [revoked, setRevoked] = useState<number | null>(null);
  const reset = useUsersMutation(
    (body: { password: string }) => fetchJson<{ ok: true; revoked: number }>(`/api/users/${encodeURIComponent(user.id)}/password`, { method: "POST", json: body }),
    (answer) => {
      setRevoked(answer.revoked);
      setOpen(false);
      setPassword("");
    },
  );
  const id = `reset-${user.id}`;

  const submit = () => {
    const parsed = resetPasswordSchema.safeParse({ password });
    if (!parsed.success) return setErrors(errorsByField(detailsOf(parsed.error)));
    setErrors({});
    reset.mutate(parsed.data, { onError: (err) => setErrors(problemsOf(err, ["password"])) });
  };

  return (
    <form
      aria-label={`Reset the password of ${user.email}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (open) submit();
        else {
          setOpen(true);
          setRevoked(null);
        }
      }}
      className="flex flex-wrap items-start gap-2"
    >
      {open && (
        <div className="min-w-0 basis-48">
          <label htmlFor={id} className="sr-only">
            New password
          </label>
          <input
            {...describedBy(id, errors.password)}
            type="password"
            autoComplete="new-password"
            autoFocus
            placeholder={`New password, ${MIN_PASSWORD}+ characters`}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={`${INPUT_BASE} w-full py-1`}
          />
          <FieldError id={`${id}-error`} message={errors.password} />
        </div>
      )}
      <button type="submit" data-testid="user-reset-password" disabled={reset.isPending} className={`${SECONDARY_BUTTON} py-1`}>
        {reset.isPending ? "Setting…" : open ? "Set password" : "Reset password"}
      </button>
      {open && (
        <button type="button" onClick={() => setOpen(false)} className="self-center text-xs text-slate-500 hover:underline">
          Cancel
        </button>
      )}
      <span aria-live="polite" data-testid="password-reset-done" className="self-center empty:hidden text-xs text-green-700 dark:text-green-300">
        {revoked !== null ? `Password set; ${revoked} session${revoked === 1 ? "" : "s"} ended.` : ""}
      </span>
      <FormError message={errors.form} className="w-full py-1 text-xs" />
    </form>
  );
}
