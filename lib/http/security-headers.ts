// The security headers of every answer, pages and API alike, set by server.ts before the
// request reaches Next (lib/http/edge.ts), so no route can forget them.
//
// Pages get a Content-Security-Policy with a fresh nonce per request: server.ts puts the same
// policy on the request, Next reads the nonce from it and puts it on its own inline bootstrap
// scripts (every page is dynamically rendered, so each one sees its request), and nothing
// else may run. 'strict-dynamic' lets those scripts load the page's chunks.
// style-src allows 'unsafe-inline': React writes style attributes (the bulk-retry progress
// bar's width) and a nonce cannot cover an attribute; inline styles cannot run script.
// Nothing may frame Herald except the embeddable widget, which WIDGET_FRAME_ANCESTORS names.
import { randomBytes } from "node:crypto";

export interface SecurityHeaderConfig {
  NODE_ENV: string;
  PUBLIC_URL: string;
  WIDGET_FRAME_ANCESTORS: string[];
}

export function isWidgetPath(path: string): boolean {
  return /^\/(api\/v1\/)?widget(\/|$)/.test(path);
}

export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/** Next's hashed build assets: no document, no policy needed (and no nonce to draw). */
function isAsset(path: string): boolean {
  return path.startsWith("/_next/static/");
}

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

function pagePolicy(nonce: string, frameAncestors: string, config: SecurityHeaderConfig): string {
  const dev = config.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Pictures in a conversation (MMS, WhatsApp) live on the provider's https host; an image cannot run script.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'", // the API and Socket.IO, same origin (CSP 3: 'self' covers ws: and wss: too)
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    ...(config.PUBLIC_URL.startsWith("https:") ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * The headers for an answer at `path`, and for a page the policy Next must see on the
 * request (to find the nonce); null for requests that render no document.
 */
export function securityHeaders(path: string, config: SecurityHeaderConfig): { response: Record<string, string>; requestPolicy: string | null } {
  const frameAncestors = isWidgetPath(path) ? config.WIDGET_FRAME_ANCESTORS.join(" ") : "'none'";
  const response: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
  };
  // X-Frame-Options can only say "nobody" (or one origin): older browsers get it where nobody may frame.
  if (frameAncestors === "'none'") response["X-Frame-Options"] = "DENY";
  if (config.PUBLIC_URL.startsWith("https:")) response["Strict-Transport-Security"] = "max-age=31536000";
  let requestPolicy: string | null = null;
  if (isApiPath(path)) {
    response["Content-Security-Policy"] = `default-src 'none'; frame-ancestors ${frameAncestors}`;
  } else if (!isAsset(path)) {
    requestPolicy = pagePolicy(newNonce(), frameAncestors, config);
    response["Content-Security-Policy"] = requestPolicy;
  }
  return { response, requestPolicy };
}
