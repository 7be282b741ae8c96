"use client";

// Field-level errors for the console's forms, from a zod result in the browser or from the
// API's 400 body (`details[].path`), so a refusal lands next to the field it is about.
import type { ZodError } from "zod";
import { ApiError, type ErrorDetail } from "@/components/api/api-client";
import { issueText } from "@/lib/schemas/issue-text";

/** Field (or dotted path) → the first message about it. */
export type FieldErrors = Partial<Record<string, string>>;

export const INPUT_CLASS =
  "mt-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 aria-[invalid=true]:border-red-500 dark:border-slate-700 dark:bg-slate-950";

/** A zod result as the API would report it: the same dotted paths as lib/errors.ts zodDetails. */
export function detailsOf(error: ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: issueText(i) }));
}

/** Keyed by the full dotted path ("settings.templates.confirmation.sms"), for forms with nested fields. */
export function errorsByPath(details: readonly ErrorDetail[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const d of details) errors[d.path] ??= d.message;
  return errors;
}

/** Keyed by the top-level field ("variables.name" → "variables"); an issue about the whole body goes under "form". */
export function errorsByField(details: readonly ErrorDetail[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const d of details) errors[d.path.split(".")[0] || "form"] ??= d.message;
  return errors;
}

/**
 * A refused request as a form shows it: each message of a 400 under the field it names (one
 * of `fields`), and under "form" whatever no field shows: another path, a 409's or a 404's
 * message, a network failure.
 */
export function problemsOf(error: unknown, fields: readonly string[]): FieldErrors {
  if (!(error instanceof ApiError)) return { form: error instanceof Error ? error.message : String(error) };
  const problems: FieldErrors = {};
  for (const [field, message] of Object.entries(errorsByField(error.details))) {
    if (fields.includes(field)) problems[field] = message;
    else problems.form ??= message;
  }
  if (Object.keys(problems).length === 0) problems.form = error.message;
  return problems;
}

/** Messages about `path` itself or anything inside it. */
export function errorsUnder(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors).flatMap(([p, message]) => (message !== undefined && (p === path || p.startsWith(`${path}.`)) ? [message] : []));
}

export function FieldError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" data-testid="field-error" className="mt-1 text-xs text-red-700 dark:text-red-300">
      {message}
    </p>
  );
}
