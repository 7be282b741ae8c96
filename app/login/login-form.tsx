"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, fetchJson } from "@/components/api/api-client";
import { Field } from "@/components/ui/field";

const INPUT =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-950";

// POST /api/auth/login {email?, password}: 200 sets the session cookie, 401 carries API.md's
// error body. Without an email the password is the owner's ADMIN_PASSWORD.
async function logIn(email: string, password: string): Promise<string | null> {
  try {
    await fetchJson("/api/auth/login", { method: "POST", json: email ? { email, password } : { password } });
    return null;
  } catch (err) {
    if (!(err instanceof ApiError)) return "Herald is not reachable. Check your connection and try again.";
    if (err.status === 401) return email ? "Wrong email or password." : "Wrong password.";
    // A body without the API's error (a proxy's page) gets words of our own.
    if (!err.code.startsWith("HTTP_")) return err.message;
    return `Sign-in failed (${err.status}).`;
  }
}

export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const problem = await logIn(email.trim(), password);
    if (problem) {
      setError(problem);
      setBusy(false);
      return;
    }
    router.replace(next);
    router.refresh();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
      <Field id="email" label="Email" hint="Leave empty to sign in as the owner with ADMIN_PASSWORD.">
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "login-error email-hint" : "email-hint"}
          className={INPUT}
        />
      </Field>
      <Field id="password" label="Password">
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "login-error" : undefined}
          className={INPUT}
        />
      </Field>
      {error && (
        <p id="login-error" role="alert" data-testid="login-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy || password.length === 0}
        className="w-full rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-60 dark:focus-visible:ring-offset-slate-900"
      >
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
