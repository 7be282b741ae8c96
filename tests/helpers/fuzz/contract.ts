// The API.md contract a fuzzed answer must keep, and failure messages that say exactly what
// went wrong: the request (method, path, credential, kind of input, body excerpt) and the
// answer (status, content type, body excerpt), grouped so a thousand 405s read as one line.
import type { RawRequest, RawResult } from "./raw-http";

export interface FuzzCase {
  index: number;
  kind: string;
  credential: string;
  /** The route's template (/api/messages/[id]) for grouping; the request has the real path. */
  template: string;
  api: boolean;
  req: RawRequest;
  /** What this answer must be, beyond the general contract (e.g. 413 for a body over the limit). */
  expected?: { status: number; code: string };
}

/** Whether the server sees an /api path (after it resolves "..": /api/../x is the page /x). */
export const isApiPath = (path: string) => new URL(path, "http://h").pathname.startsWith("/api/");

const excerpt = (text: string | Buffer | undefined, max = 160) => {
  if (text === undefined) return "(none)";
  const s = Buffer.isBuffer(text) ? `<${text.length} bytes>` : text;
  const shown = s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
  return JSON.stringify(shown);
};

export function describeRequest(c: FuzzCase): string {
  const path = c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}… (${c.req.path.length} chars)` : c.req.path;
  const type = c.req.headers?.["content-type"];
  const accepts = c.req.headers?.["accept-encoding"] ? `; accept-encoding ${JSON.stringify(c.req.headers["accept-encoding"])}` : "";
  return `#${c.index} ${c.req.method} ${path} [${c.kind}; credential ${c.credential}${type !== undefined ? `; content-type ${JSON.stringify(type)}` : ""}${accepts}] body ${excerpt(c.req.body)}`;
}

export function describeAnswer(res: RawResult): string {
  if (!res.ok) return `${res.problem === "timeout" ? "HUNG" : "CONNECTION FAILED"}: ${res.message} (${Math.round(res.ms)} ms)`;
  const encoding = res.headers["content-encoding"] ? ` content-encoding ${JSON.stringify(res.headers["content-encoding"])}` : "";
  return `${res.status} content-type ${JSON.stringify(res.headers["content-type"] ?? null)}${encoding} body ${excerpt(res.body, 240)} (${Math.round(res.ms)} ms)`;
}

/** The error body of API.md, or what is wrong with it. */
export function errorBodyProblem(res: Extract<RawResult, { ok: true }>): string | null {
  if (!String(res.headers["content-type"] ?? "").includes("application/json")) return "4xx without a JSON content type";
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return "4xx whose body is not JSON";
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!error || typeof error.code !== "string" || !error.code || typeof error.message !== "string") return "4xx without {error: {code, message}}";
  return null;
}

/** What is wrong with an answer, or null: never a 5xx, never a hang, every API 4xx in the error body. */
export function contractProblem(c: FuzzCase, res: RawResult, expected?: { status: number; code: string }): string | null {
  if (!res.ok) return res.problem === "timeout" ? "hang" : "connection failed";
  if (res.status >= 500) return `${res.status}`;
  if (res.encodingProblem) return `${res.status}: ${res.encodingProblem.replace(/\d+-byte/, "n-byte")}`;
  if (c.api && res.status >= 400) {
    const problem = errorBodyProblem(res);
    if (problem) return `${res.status}: ${problem}`;
  }
  if (expected) {
    if (res.status !== expected.status) return `${res.status} instead of ${expected.status} ${expected.code}`;
    const code = (JSON.parse(res.body) as { error: { code: string } }).error.code;
    if (code !== expected.code) return `${res.status} ${code} instead of ${expected.code}`;
  }
  return null;
}

interface Group {
  key: string;
  count: number;
  credentials: Map<string, number>;
  kinds: Map<string, number>;
  examples: string[];
  seen: Set<string>;
}

const tally = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
const top = (m: Map<string, number>, n = 5) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k}×${v}`).join(", ") + (m.size > n ? ", …" : "");

/** A path segment with a percent sign that starts no valid UTF-8 escape. */
export const hasBadEscape = (path: string) => {
  try {
    decodeURIComponent(path.split("?")[0]!);
    return false;
  } catch {
    return true;
  }
};

/**
 * Collects violations grouped by (problem, method, route), with which credentials and kinds
 * of input hit each group (a cause shows as one credential or one kind dominating), and up to
 * three examples that differ in credential and input.
 */
export class Violations {
  private groups = new Map<string, Group>();
  total = 0;
  readonly byCredential = new Map<string, number>();
  readonly byKind = new Map<string, number>();

  add(c: FuzzCase, problem: string, res: RawResult): void {
    this.total += 1;
    const kind = c.kind.split("+")[0]! + (hasBadEscape(c.req.path) ? "+bad-%-escape-in-path" : "");
    tally(this.byCredential, c.credential);
    tally(this.byKind, kind);
    const key = `${problem} — ${c.req.method} ${c.template}`;
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { key, count: 0, credentials: new Map(), kinds: new Map(), examples: [], seen: new Set() }));
    group.count += 1;
    tally(group.credentials, c.credential);
    tally(group.kinds, kind);
    const variant = `${c.credential}|${kind}`;
    if (group.examples.length < 3 && !group.seen.has(variant) && ![...group.seen].some((v) => v.startsWith(`${c.credential}|`) || v.endsWith(`|${kind}`))) {
      group.seen.add(variant);
      group.examples.push(`${describeRequest(c)}\n        → ${describeAnswer(res)}`);
    }
  }

  report(header: string, max = 40): string {
    // Hangs first, then broken connections and 5xx, then the rest; within a rank, the most frequent.
    const rank = (key: string) => (key.startsWith("hang") ? 0 : key.startsWith("connection") ? 1 : /^5\d\d/.test(key) ? 2 : 3);
    const groups = [...this.groups.values()].sort((a, b) => rank(a.key) - rank(b.key) || b.count - a.count || a.key.localeCompare(b.key));
    const lines = groups.slice(0, max).map((g) =>
      `  ${g.count}× ${g.key}\n      credentials: ${top(g.credentials)}; inputs: ${top(g.kinds)}\n${g.examples.map((e) => `      e.g. ${e}`).join("\n")}`);
    if (groups.length > max) lines.push(`  … and ${groups.length - max} more (problem, route) pairs`);
    return `${header}: ${this.total} violation(s) over ${groups.length} (problem, route) pair(s)\n` +
      `  by credential: ${top(this.byCredential, 10)}\n  by input: ${top(this.byKind, 12)}\n${lines.join("\n")}`;
  }
}
