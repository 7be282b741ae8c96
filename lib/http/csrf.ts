// Cross-site request forgery: a page on another site (or another port of this host) can make
// the browser send the session cookie along with a POST. Such a request always carries that
// page's Origin (or at least a Referer), and cannot send Content-Type: application/json
// without a CORS preflight this server never answers, so cookie-authenticated mutations need
// both. API keys are not sent by browsers on their own, so Bearer requests are unaffected.
import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** This site: PUBLIC_URL's origin, and the origin the request was addressed to (its Host). */
function ownOrigins(req: Request, publicUrl: string): Set<string> {
  const own = new Set<string>();
  const configured = originOf(publicUrl);
  if (configured) own.add(configured);
  const host = req.headers.get("host");
  const addressed = host ? originOf(`${new URL(req.url).protocol}//${host}`) : null;
  if (addressed) own.add(addressed);
  return own;
}

/**
 * Refuses (403) a request whose Origin, or Referer when there is no Origin, is another site.
 * With neither, `required` decides: cookie mutations need one (every browser sends Origin on a
 * POST); a login from a script (curl) has none and is no forgery.
 */
export function assertSameOrigin(req: Request, publicUrl: string, opts: { required: boolean }): void {
  const origin = req.headers.get("origin");
  const referer = origin === null ? req.headers.get("referer") : null;
  if (origin === null && referer === null) {
    if (opts.required) throw new AppError("FORBIDDEN", "a console request that changes something must carry this site's Origin");
    return;
  }
  const claimed = originOf(origin ?? referer!);
  if (!claimed || !ownOrigins(req, publicUrl).has(claimed)) throw new AppError("FORBIDDEN", "cross-origin request refused");
}

/** The rule for a request authenticated by the session cookie: same origin, and JSON for anything but a read. */
export function assertCookieRequestAllowed(req: Request, publicUrl: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  assertSameOrigin(req, publicUrl, { required: true });
  const type = req.headers.get("content-type")?.split(";", 1)[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "a console request that changes something must send Content-Type: application/json");
  }
}
