// Builds the fuzz run: N requests drawn from the seeded Rng over every API route (with its
// own methods), the page routes (GET), each credential, and runs them with bounded
// concurrency and a deadline per request.
import type { OutgoingHttpHeaders } from "node:http";
import type { Rng } from "./prng";
import { MAX_BODY_BYTES, bodyFor, deeplyNested, queryFor, segmentFor, sizedBody, withRawField } from "./payloads";
import type { Socket } from "node:net";
import { createAgent, send, type RawResult } from "./raw-http";
import { fillTemplate, type ApiRoute, type PageRoute } from "./routes";
import { isApiPath, type FuzzCase } from "./contract";
import { CREDENTIALS, credentialHeaders, readsBody, seedBody, signatureHeaders, type FuzzContext, type Seed } from "./seeds";

/** The real id for a route's [param], by the collection it names (/api/messages/[id] → a message). */
function realIdFor(template: string, ctx: FuzzContext): string | undefined {
  const collection = template.split("/").filter(Boolean)[template.startsWith("/api/") ? 1 : 0];
  return { messages: ctx.ids.message, clients: ctx.ids.client, calls: ctx.ids.call, errors: ctx.ids.error }[collection ?? ""];
}

function pathFor(rng: Rng, template: string, ctx: FuzzContext): string {
  const real = realIdFor(template, ctx);
  return fillTemplate(template, (_name, catchAll) =>
    catchAll ? Array.from({ length: rng.int(1, 3) }, () => segmentFor(rng, undefined)).join("/") : segmentFor(rng, real),
  );
}

/** Half the requests ask for compression, as browsers and fetch() always do: the answer must then decode. */
function acceptEncoding(rng: Rng): OutgoingHttpHeaders {
  return rng.chance(0.5) ? { "accept-encoding": rng.pick(["gzip, deflate, br", "gzip", "deflate", "br", "gzip;q=0, identity"]) } : {};
}

export function apiCase(rng: Rng, index: number, route: ApiRoute, method: string, ctx: FuzzContext): FuzzCase {
  const credential = rng.pick(CREDENTIALS);
  const path = pathFor(rng, route.template, ctx);
  const wantsQuery = rng.chance(method === "GET" ? 0.6 : 0.15);
  const query = wantsQuery ? queryFor(rng, ctx.ids.client) : undefined;
  const headers: OutgoingHttpHeaders = { ...credentialHeaders(ctx, credential), ...acceptEncoding(rng) };
  let body: string | Buffer | undefined;
  let kind = query?.kind ?? "plain";
  const seed = seedBody(route.template, method, ctx);
  if (seed) {
    const b = bodyFor(rng, seed);
    body = b.raw;
    kind = query ? `${b.kind}+${query.kind}` : b.kind;
    Object.assign(headers, b.headers);
    if (route.template.startsWith("/api/webhooks/") && b.signable && rng.chance(0.6)) {
      Object.assign(headers, signatureHeaders(ctx, route.template, path, b.raw.toString()));
      kind += "+signed";
    }
  }
  return { index, kind, credential, template: route.template, api: isApiPath(path), req: { method, path: query ? `${path}?${query.query}` : path, headers, body } };
}

function pageCase(rng: Rng, index: number, page: PageRoute, ctx: FuzzContext): FuzzCase {
  const credential = rng.pick(["session", "none", "bad-cookie"] as const);
  const path = pathFor(rng, page.template, ctx);
  const query = rng.chance(0.6) ? queryFor(rng, ctx.ids.client) : undefined;
  return {
    index, kind: query?.kind ?? "plain", credential, template: page.template, api: isApiPath(path),
    req: { method: "GET", path: query ? `${path}?${query.query}` : path, headers: { ...credentialHeaders(ctx, credential), ...acceptEncoding(rng) } },
  };
}

/** N cases: nine in ten on API routes (a method the route has), one in ten on pages. */
export function generateCases(rng: Rng, n: number, api: ApiRoute[], pages: PageRoute[], ctx: FuzzContext): FuzzCase[] {
  const targets = api.flatMap((r) => r.methods.map((m) => ({ route: r, method: m })));
  return Array.from({ length: n }, (_, i) => {
    if (pages.length && rng.chance(0.1)) return pageCase(rng, i, rng.pick(pages), ctx);
    const t = rng.pick(targets);
    return apiCase(rng, i, t.route, t.method, ctx);
  });
}

type SweepBody = { kind: string; raw: string; form?: boolean; expected?: FuzzCase["expected"] };

/** NUL and a lone surrogate in each string field, and a NUL in a metadata key: text a database may refuse to store. */
function nulBodies(seed: Seed): SweepBody[] {
  const fields = "form" in seed ? seed.form : seed.json && typeof seed.json === "object" && !Array.isArray(seed.json) ? (seed.json as Record<string, unknown>) : {};
  const out: SweepBody[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value !== "string") continue;
    for (const [name, text] of [["nul", `${value}\u0000x`], ["lone-surrogate", `${value}\ud800`]] as const) {
      const changed = { ...fields, [field]: text };
      out.push("form" in seed
        ? { kind: `sweep-${name}-in-${field}`, raw: new URLSearchParams(changed as Record<string, string>).toString(), form: true }
        : { kind: `sweep-${name}-in-${field}`, raw: JSON.stringify(changed) });
    }
  }
  if ("json" in seed && Object.keys(fields).length) out.push({ kind: "sweep-nul-in-metadata-key", raw: JSON.stringify({ ...fields, metadata: { "k\u0000": "v\u0000" } }) });
  return out;
}

/**
 * The sweep: for every route that takes a body, with admin credentials (and signed, for
 * webhooks), 150,000-deep arrays and objects under each field of its well-formed body and
 * under metadata/variables, a body just under the limit and one just over it (which must be
 * 413), NUL and lone surrogates in each string field. Random draws reach these rarely; a parser that recurses must meet them every run.
 */
export function sweepCases(api: ApiRoute[], ctx: FuzzContext, firstIndex: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const route of api) {
    for (const method of route.methods.filter((m) => m === "POST" || m === "PUT" || m === "PATCH")) {
      const seed = seedBody(route.template, method, ctx);
      if (!seed) continue;
      const path = fillTemplate(route.template, (_n, catchAll) => (catchAll ? "nowhere" : realIdFor(route.template, ctx) ?? "x"));
      const fields = new Set([...Object.keys("json" in seed && seed.json && typeof seed.json === "object" && !Array.isArray(seed.json) ? seed.json : {}), "metadata", "variables"]);
      const bodies: SweepBody[] = [];
      for (const field of fields) for (const shape of ["array", "object"] as const) bodies.push({ kind: `sweep-deep-${shape}-in-${field}`, raw: withRawField(seed, field, deeplyNested(150_000, shape)) });
      bodies.push({ kind: "sweep-deep-array-top", raw: deeplyNested(150_000, "array") });
      bodies.push({ kind: "sweep-just-under-limit", raw: sizedBody(seed, MAX_BODY_BYTES - 1) });
      if (readsBody(route.template, method)) bodies.push({ kind: "sweep-just-over-limit", raw: sizedBody(seed, MAX_BODY_BYTES + 1), expected: { status: 413, code: "PAYLOAD_TOO_LARGE" } });
      bodies.push(...nulBodies(seed));
      for (const b of bodies) {
        const headers: OutgoingHttpHeaders = { ...credentialHeaders(ctx, "admin-key"), "content-type": b.form ? "application/x-www-form-urlencoded" : "application/json" };
        if (route.template.startsWith("/api/webhooks/")) Object.assign(headers, signatureHeaders(ctx, route.template, path, b.raw));
        cases.push({ index: firstIndex + cases.length, kind: b.kind, credential: "admin-key", template: route.template, api: true, req: { method, path, headers, body: b.raw }, expected: b.expected });
      }
    }
  }
  return cases;
}

/**
 * Runs the cases, `concurrency` at a time, over kept-alive connections; big bodies go on a
 * connection of their own. A request that finds its kept-alive connection closed under it
 * ("socket hang up") is sent again on a fresh one: the fault is the previous answer on that
 * connection, which said keep-alive and then closed it. `onKeepAliveBroken` gets that one.
 */
export async function runCases(
  base: string,
  cases: FuzzCase[],
  opts: { concurrency: number; timeoutMs: number; onResult: (c: FuzzCase, r: RawResult) => void; onKeepAliveBroken?: (previous: FuzzCase, previousAnswer: RawResult, next: FuzzCase) => void },
) {
  const agent = createAgent(opts.concurrency);
  const lastOn = new WeakMap<Socket, { c: FuzzCase; r: RawResult }>();
  let next = 0;
  const lane = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const big = c.req.body !== undefined && c.req.body.length > 64 * 1024;
      let socket: Socket | undefined;
      let previous: { c: FuzzCase; r: RawResult } | undefined;
      let r = await send(base, c.req, { agent: big ? false : agent, timeoutMs: opts.timeoutMs, onSocket: (s) => ((socket = s), (previous = lastOn.get(s))) });
      if (!r.ok && r.problem === "error" && /socket hang up|ECONNRESET/.test(r.message) && previous) {
        opts.onKeepAliveBroken?.(previous.c, previous.r, c);
        r = await send(base, c.req, { agent: false, timeoutMs: opts.timeoutMs });
      } else if (socket) lastOn.set(socket, { c, r });
      opts.onResult(c, r);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
  agent.destroy();
}
