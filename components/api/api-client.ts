// The console's one way to call Herald's API: same-origin, session cookie, API.md error bodies.

/** One issue of a 400 answer: `path` is the dotted field path (`to`, `variables.name`). */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** A non-2xx answer, carrying the `{error: {code, message, details?}}` body of API.md. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "HttpError";
  }
}

function toDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((d: { path?: unknown; message?: unknown }) =>
    d && typeof d.message === "string" ? [{ path: typeof d.path === "string" ? d.path : "", message: d.message }] : [],
  );
}

async function toHttpError(res: Response): Promise<HttpError> {
  const body: unknown = await res.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : "HTTP_" + res.status;
  const message = typeof error?.message === "string" ? error.message : `${res.status} ${res.statusText}`.trim();
  return new HttpError(res.status, code, message, toDetails(error?.details));
}

/** Sends the browser to /login, remembering where it was, when the session has expired. */
function redirectToLogin() {
  if (typeof window === "undefined" || window.location.pathname === "/login") return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

export async function fetchJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const res = await fetch(url, {
    credentials: "same-origin",
    ...rest,
    headers: { Accept: "application/json", ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (!res.ok) {
    const error = await toHttpError(res);
    if (res.status === 401) redirectToLogin();
    throw error;
  }
  return (await res.json()) as T;
}
