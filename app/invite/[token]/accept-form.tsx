"use client";

// Accepting an invite: the invite's email, role and client as facts, then a name and a
// password (twice). POST /api/auth/accept-invite signs the new user in (its answer sets the
// session cookie), so a 201 goes straight to the console.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, fetchJson } from "@/components/api/api-client";
import { RoleBadge } from "@/components/auth/role-badge";
import { ROLE_DESCRIPTIONS } from "@/components/auth/role-labels";
import { Field, INPUT, describedBy } from "@/components/ui/field";
import { detailsOf, errorsByField, problemsOf, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-error";
import { MIN_PASSWORD, acceptSchema } from "@/lib/users/schemas";

const FIELDS = ["name", "password"];
const GONE = "This invite link has expired or was already used — ask whoever invited you for a new one.";

interface Props {
  token: string;
  email: string;
  name: string | null;
  role: string;
  clientName: string | null;
  expiresAt: string;
}

export function AcceptForm({ token, email, name: invitedName, role, clientName, expiresAt }: Props) {
  const router = useRouter();
  const [name, setName] = useState(invitedName ?? "");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = acceptSchema.safeParse({ token, name, password });
    const found = parsed.success ? {} : errorsByField(detailsOf(parsed.error));
    if (confirm !== password) found.confirm = "does not match the password";
    if (!parsed.success || found.confirm) return setErrors(found);
    setErrors({});
    setBusy(true);
    try {
      await fetchJson("/api/auth/accept-invite", { method: "POST", json: parsed.data });
      router.replace("/");
      router.refresh();
    } catch (err) {
      setErrors(err instanceof ApiError && err.status === 404 ? { form: GONE } : problemsOf(err, FIELDS));
      setBusy(false);
    }
  };

  return (
    <form data-testid="accept-form" onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
      <dl className="space-y-2 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-950/60">
        <div className="flex flex-wrap justify-between gap-x-3">
          <dt className="text-slate-500 dark:text-slate-400">Email</dt>
          <dd data-testid="accept-email" className="font-medium [overflow-wrap:anywhere]">
            {email}
          </dd>
        </div>
        <div className="flex flex-wrap justify-between gap-x-3">
          <dt className="text-slate-500 dark:text-slate-400">Role</dt>
          <dd>
            <RoleBadge role={role} />
          </dd>
        </div>
        <div className="flex flex-wrap justify-between gap-x-3">
          <dt className="text-slate-500 dark:text-slate-400">Clients</dt>
          <dd data-testid="accept-client">{clientName ?? "All clients"}</dd>
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {(ROLE_DESCRIPTIONS as Record<string, string | undefined>)[role]} This link works until {new Date(expiresAt).toLocaleString()}.
        </p>
      </dl>
      <Field id="accept-name" label="Your name" error={errors.name} hint="As your team will see it.">
        <input {...describedBy("accept-name", errors.name)} autoComplete="name" autoFocus value={name} onChange={(e) => setName(e.target.value)} className={INPUT} />
      </Field>
      {/* The email as a hidden username, so a password manager files the new password under it. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="accept-password" label="Password" error={errors.password} hint={`At least ${MIN_PASSWORD} characters.`}>
        <input {...describedBy("accept-password", errors.password)} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} className={INPUT} />
      </Field>
      <Field id="accept-confirm" label="Confirm password" error={errors.confirm}>
        <input {...describedBy("accept-confirm", errors.confirm)} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} className={INPUT} />
      </Field>
      <FormError message={errors.form ?? errors.token} />
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-60 dark:focus-visible:ring-offset-slate-900"
      >
        {busy ? "Creating your account…" : "Create my account"}
      </button>
    </form>
  );
}
