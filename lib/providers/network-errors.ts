// The two helpers every HTTP provider needs to classify a failure: "was this the
// network?" and "how long does Retry-After ask us to wait?".
/** Network failure codes (Node, axios, undici), each mapped to the one the attempt log shows. */
const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "ECONNREFUSED",
  ECONNRESET: "ECONNRESET",
  EPIPE: "ECONNRESET",
  UND_ERR_SOCKET: "ECONNRESET",
  UND_ERR_CLOSED: "ECONNRESET",
  ETIMEDOUT: "ETIMEDOUT",
  ESOCKETTIMEDOUT: "ETIMEDOUT",
  ECONNABORTED: "ETIMEDOUT", // axios: the request timeout fired
  ERR_SOCKET_CONNECTION_TIMEOUT: "ETIMEDOUT",
  UND_ERR_CONNECT_TIMEOUT: "ETIMEDOUT",
  UND_ERR_HEADERS_TIMEOUT: "ETIMEDOUT",
  UND_ERR_BODY_TIMEOUT: "ETIMEDOUT",
  EHOSTUNREACH: "EHOSTUNREACH",
  ENETUNREACH: "ENETUNREACH",
  ENETDOWN: "ENETUNREACH",
  EAI_AGAIN: "ENOTFOUND",
  ENOTFOUND: "ENOTFOUND",
  ERR_NETWORK: "ERR_NETWORK",
};

/**
 * The network failure behind an error (following `cause`), e.g. "ECONNREFUSED",
 * "ECONNRESET" or "ETIMEDOUT"; undefined when the error is not a network failure.
 * Works for axios (twilio, @sendgrid/client) and fetch (undici) errors alike.
 */
export function networkErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === "string" && Object.hasOwn(NETWORK_CODES, code)) return NETWORK_CODES[code];
    if (name === "TimeoutError" || name === "AbortError") return "ETIMEDOUT";
    if (typeof message === "string" && /socket hang up/i.test(message)) return "ECONNRESET";
  }
  return undefined;
}

/** Retry-After (delta seconds or an HTTP date) in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfterMs(value: unknown, nowMs = Date.now()): number | undefined {
  if (Array.isArray(value)) value = value[0];
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
