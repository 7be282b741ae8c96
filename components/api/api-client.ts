// The console's one way to call Herald's API: same-origin, session cookie, JSON both ways, and
// every non-2xx answer turned into one ApiError carrying API.md's `{error: {code, message, details?}}`.
import type { ErrorDetail } from "@/lib/errors";

export type { ErrorDetail };

/** A non-2xx answer. `code` is the API's, or `HTTP_<status>` when the body carried none (a proxy's page). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** One per refused field of a 400 (`path` is dotted: `to`, `settings.templates.x.sms`); empty otherwise. */
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function toDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((d: { path?: unknown; message?: unknown }) =>
    d && typeof d.message === "string" ? [{ path: typeof d.path === "string" ? d.path : "", message: d.message }] : [],
  );
}

export async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : "HTTP_" + res.status;
  const message = typeof error?.message === "string" ? error.message : `${res.status} ${res.statusText}`.trim();
  return new ApiError(res.status, code, message, toDetails(error?.details));
}

/** Sends the browser to /login, remembering where it was, when the session has expired. */
// Once the page is on its way to /login (a logout, the first 401), a later 401 must not start a
// second navigation: it would abort the first (a logout's queries answer 401 as it leaves).
let leaving = false;

/** Called by Log out before it ends the session: the 401s that follow are expected. */
export function leavingForLogin(): void {
  leaving = true;
}

function redirectToLogin() {
  if (typeof window === "undefined" || leaving || window.location.pathname === "/login") return;
  leaving = true;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

/** GET by default; `json` is sent as the body (with its Content-Type). Resolves to the parsed answer. */
export async function fetchJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { headers, ...rest } = init;
  // A mutation is always JSON (an empty object when it has nothing to say): the server refuses
  // cookie-authenticated mutations without a JSON body (lib/http/csrf.ts).
  const mutation = !["GET", "HEAD"].includes((rest.method ?? "GET").toUpperCase());
  const json = init.json === undefined && mutation && rest.body === undefined ? {} : init.json;
  delete (rest as { json?: unknown }).json;
  const res = await fetch(url, {
    credentials: "same-origin",
    ...rest,
    headers: { Accept: "application/json", ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401) redirectToLogin();
    throw error;
  }
  return (await res.json()) as T;
}
