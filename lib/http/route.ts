// Route handler plumbing: parse (zod) → authorize → call lib → respond, with every
// failure turned into the API.md error body in one place.
import type { ZodType } from "zod";
import type { Db } from "../db/client";
import { getContext, servicesOf, type Services } from "../context";
import { parseJsonBody } from "./json-body";
import { AppError, toErrorResponse } from "../errors";
import { assertMay, resolvePrincipal, type Principal } from "../auth/principal";
import type { Action } from "../auth/permissions";
import { logError } from "../errorlog/log-error";
import { logFor } from "../log";
import { metrics, webhookSourceOf } from "../metrics";
import { declaresTooLarge, payloadTooLarge, readWebBody } from "./body";
import { assertCookieRequestAllowed } from "./csrf";
import { assertJsonDepth } from "./json-depth";

type Params = Record<string, string | string[]>;
interface RouteContext<P extends Params> {
  params: Promise<P>;
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers });
}

/**
 * The error body for anything thrown. Every API request that fails passes here (route
 * handlers and the paths the edge serves), so this is where it becomes one log line, a count
 * in herald_http_request_failures_total and, for a webhook, in herald_webhooks_refused_total.
 * Unexpected errors also go to the error log, with their stack.
 */
export function errorOutcome(err: unknown, where: string): ReturnType<typeof toErrorResponse> {
  const outcome = toErrorResponse(err);
  const { code, message } = outcome.body.error;
  const [method, path = ""] = where.split(" ", 2);
  try {
    const m = metrics();
    m.httpFailures.inc({ status: String(outcome.status), code });
    const source = webhookSourceOf(path);
    if (source && outcome.status < 500) m.webhooksRefused.inc({ source, code });
    const line = { method, path, status: outcome.status, code, ...(source && { webhook: source }) };
    if (outcome.internal) logFor("http").error({ ...line, err }, `request failed: ${err instanceof Error ? err.message : String(err)}`);
    else logFor("http").warn(line, `request failed: ${message}`);
  } catch {
    // logging and metrics never turn an answer into another failure
  }
  if (outcome.internal) {
    logError({ service: "api", operation: where, errorType: "internal", severity: "error", message: err instanceof Error ? err.message : String(err), context: { stack: err instanceof Error ? err.stack : undefined } });
  }
  return outcome;
}

export function errorResponse(err: unknown, req?: Request): Response {
  const { status, body } = errorOutcome(err, req ? `${req.method} ${new URL(req.url).pathname}` : "unknown route");
  const headers: Record<string, string> = {};
  if (status === 429) {
    const wait = (err as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    headers["Retry-After"] = String(typeof wait === "number" && wait > 0 ? Math.ceil(wait) : 1);
  }
  return json(body, status, headers);
}

/** What a handler works with, from the process's one context (lib/context.ts). */
export interface HandlerContext extends Services {
  /** The Prisma client of `database`. */
  db: Db;
}

async function handlerContext(): Promise<HandlerContext> {
  const services = await servicesOf(getContext());
  return { ...services, db: services.database.db };
}

/** Wraps a handler so that anything it throws becomes the API.md error body. */
export function route<P extends Params = Params>(handler: (ctx: { req: Request; params: P } & HandlerContext) => Promise<Response>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      return await handler({ req, params: (await ctx?.params) ?? ({} as P), ...(await handlerContext()) });
    } catch (err) {
      return errorResponse(err, req);
    }
  };
}

/**
 * Like route(), and first resolves the caller and checks it holds `action`
 * (lib/auth/permissions.ts): no or bad credentials answer 401, a role without it 403
 * naming the permission. Whose data it is stays the handler's (principal.ts predicates). A
 * caller known by the session cookie must also pass the cross-site rule (lib/http/csrf.ts):
 * every authenticated route goes through here, so none can miss either.
 */
export function withAuth<P extends Params = Params>(
  action: Action,
  handler: (ctx: { req: Request; params: P; principal: Principal } & HandlerContext) => Promise<Response>,
) {
  return route<P>(async (ctx) => {
    const principal = await requestPrincipal(ctx, ctx.req);
    if (!principal) throw new AppError("UNAUTHENTICATED", "missing or invalid credentials (Authorization: Bearer <key> or a console session)");
    assertMay(principal, action);
    return handler({ ...ctx, principal });
  });
}

/**
 * The caller a request's Authorization header (or `authorization`, when the caller's key came
 * another way) and session cookie name, or null. A console session must also pass the
 * cross-site rule (lib/http/csrf.ts): withAuth and the widget's routes both ask here.
 */
export async function requestPrincipal(ctx: HandlerContext, req: Request, authorization = req.headers.get("authorization")): Promise<Principal | null> {
  const principal = await resolvePrincipal(ctx.db, { authorization, cookie: req.headers.get("cookie") });
  if (principal?.kind === "user") assertCookieRequestAllowed(req, ctx.config.PUBLIC_URL);
  return principal;
}

/**
 * Reads the raw body, bounded by MAX_BODY_BYTES while it streams (lib/http/body.ts). A JSON
 * body (by its Content-Type) is also refused when it nests deeper than lib/http/json-depth.ts allows.
 */
export async function readRawBody(req: Request): Promise<string> {
  const limit = getContext().config.MAX_BODY_BYTES;
  if (declaresTooLarge(req.headers.get("content-length"), limit)) throw payloadTooLarge(limit);
  const text = await readWebBody(req.body, limit);
  if (/[/+]json\b/i.test(req.headers.get("content-type") ?? "")) assertJsonDepth(text);
  return text;
}

/** Parses a JSON body against a schema: INVALID_JSON or VALIDATION_FAILED with details. */
export async function parseBody<T>(req: Request, schema: ZodType<T>, opts: { optional?: boolean } = {}): Promise<T> {
  const text = await readRawBody(req);
  let value: unknown = {};
  if (text.trim() !== "" || !opts.optional) {
    value = parseJsonBody(text);
  }
  return schema.parse(value);
}

export function parseQuery<T>(req: Request, schema: ZodType<T>): T {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  return schema.parse(params);
}
