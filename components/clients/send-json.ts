// Writes to Herald's API keeping the `details` of a 400 (API.md), so a form can put each
// refusal next to the field it is about. Reads go through fetchJson.
import type { ZodError } from "zod";
import { HttpError } from "@/components/api/api-client";

export interface ErrorDetail {
  path: string;
  message: string;
}

/** A non-2xx answer with its per-field details (empty when the server gave none). */
export class DetailedHttpError extends HttpError {
  constructor(status: number, code: string, message: string, readonly details: ErrorDetail[]) {
    super(status, code, message);
  }
}

export async function sendJson<T>(url: string, method: "POST" | "PATCH", json: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(json),
  });
  if (res.ok) return (await res.json()) as T;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (res.status === 401 && typeof window !== "undefined") {
    window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  const details = Array.isArray(body?.error?.details)
    ? (body.error.details as unknown[]).filter((d): d is ErrorDetail => typeof (d as ErrorDetail)?.path === "string" && typeof (d as ErrorDetail)?.message === "string")
    : [];
  throw new DetailedHttpError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? `${res.status} ${res.statusText}`.trim(), details);
}

/** Field path ("settings.templates.confirmation.sms") → the first message about it. */
export type FieldErrors = Readonly<Record<string, string>>;

export function fieldErrors(details: readonly ErrorDetail[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const d of details) errors[d.path] ??= d.message;
  return errors;
}

/** The same paths the server reports (lib/errors.ts zodDetails), so both land on the same fields. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  return fieldErrors(error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
}

/** Messages about `path` itself or anything inside it. */
export function errorsUnder(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors)
    .filter(([p]) => p === path || p.startsWith(`${path}.`))
    .map(([, message]) => message);
}
