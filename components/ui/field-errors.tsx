"use client";

// Field-level errors for the console's forms, from a zod result in the browser or from the
// API's 400 body (`details[].path`), keyed by the top-level field name.
import type { ErrorDetail } from "@/components/api/api-client";

export type FieldErrors = Partial<Record<string, string>>;

export const INPUT_CLASS =
  "mt-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 aria-[invalid=true]:border-red-500 dark:border-slate-700 dark:bg-slate-950";

/** The first message per field; an issue without a path (the whole body) goes under "form". */
export function fieldErrorsFrom(details: readonly ErrorDetail[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const d of details) {
    const field = d.path.split(".")[0] || "form";
    errors[field] ??= d.message;
  }
  return errors;
}

export function FieldError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid="field-error" className="mt-1 text-xs text-red-700 dark:text-red-300">
      {message}
    </p>
  );
}
