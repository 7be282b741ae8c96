// Hostile inputs: bodies (wrong types, sizes at and over the limit, deep nesting, unicode
// and NUL, prototype keys, broken JSON, forms, wrong content types), query strings and
// path segments. Everything is drawn from the seeded Rng, so a run can be replayed.
import type { OutgoingHttpHeaders } from "node:http";
import type { Rng } from "./prng";
import type { Seed } from "./seeds";

export const MAX_BODY_BYTES = 1024 * 1024;

export interface Body {
  kind: string;
  raw: string | Buffer;
  headers: OutgoingHttpHeaders;
  /** Whether a webhook signer should sign it (a signed broken body reaches the parser). */
  signable: boolean;
}

const JSON_TYPE = { "content-type": "application/json" };

/** Strings that have broken parsers, databases and renderers before. */
export const NASTY_STRINGS = [
  "", " ", "\u0000", "a\u0000b", "\ud800", "\udfff\ud800", "😀".repeat(50), "\u202eevil", "\u200b\u200c\u200d\ufeff", "e\u0301".repeat(500),
  "\u2028\u2029", "%", "%00", "%E0%A4%A", "../../etc/passwd", "'; DROP TABLE \"Message\";--", "<script>alert(1)</script>", "{{customerName}}",
  "{{#each}}", "${process.exit()}", "null", "undefined", "NaN", "-0", "1e309", "__proto__", "constructor", "toString", "x".repeat(10_001),
  "+15551230000\u0000", "whatsapp:", "+1555", "a@b", "\r\nSet-Cookie: x=1",
];

const randomValue = (rng: Rng, depth = 0): unknown => {
  switch (rng.int(0, depth > 2 ? 6 : 9)) {
    case 0: return null;
    case 1: return rng.chance(0.5);
    case 2: return rng.pick([0, -1, 1.5, 2 ** 53 + 1, -1e308, 1e-320, 4294967296]);
    case 3: return rng.pick(NASTY_STRINGS);
    case 4: return rng.pick(["sms", "email", "whatsapp", "fax", "SMS", "pending", "sent", "admin", "owner"]);
    case 5: return new Date(rng.int(-8.64e9, 8.64e9) * 1e6).toISOString();
    case 6: return rng.pick(["2026-02-30T25:61:00Z", "0000-00-00", "9999-12-31T23:59:59.999Z", "yesterday"]);
    case 7: return Array.from({ length: rng.int(0, 4) }, () => randomValue(rng, depth + 1));
    case 8: return Object.fromEntries(Array.from({ length: rng.int(0, 4) }, () => [rng.pick(["a", "to", "body", "clientId", "__proto__", "constructor", "0", ""]), randomValue(rng, depth + 1)]));
    default: return rng.pick([[], {}, [[]], { "": "" }]);
  }
};

function asObject(seed: Seed): Record<string, unknown> {
  const value = "json" in seed ? seed.json : seed.form;
  return value && typeof value === "object" && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}

/** The seed with some fields given values of the wrong type (or the whole body replaced). */
function wrongTypes(rng: Rng, seed: Seed): unknown {
  if (rng.chance(0.15)) return randomValue(rng);
  const obj = asObject(seed);
  const keys = Object.keys(obj);
  for (let n = rng.int(1, Math.max(1, keys.length)); n > 0; n--) {
    const key = keys.length && rng.chance(0.8) ? rng.pick(keys) : rng.pick(["extra", "id", "status", "attempts", "idempotencyKey", "apiKey", "role"]);
    if (rng.chance(0.2)) delete obj[key];
    else obj[key] = randomValue(rng);
  }
  if ("json" in seed && Array.isArray(seed.json)) return [obj, randomValue(rng)];
  return obj;
}

function seedJson(seed: Seed): string {
  return JSON.stringify("json" in seed ? seed.json : seed.form);
}

/** 150,000 levels of arrays or objects: well inside the size limit, far past any recursive walk. */
export function deeplyNested(depth: number, shape: "array" | "object"): string {
  return shape === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

/** Puts a raw JSON value under `field` of the seed object (string surgery: the value may be too deep to stringify). */
export function withRawField(seed: Seed, field: string, rawValue: string): string {
  const rest = seedJson({ json: asObject(seed) });
  return rest === "{}" ? `{"${field}":${rawValue}}` : `{"${field}":${rawValue},${rest.slice(1)}`;
}

/** A body of exactly `bytes` bytes: the seed with a long string field. */
export function sizedBody(seed: Seed, bytes: number, field = "body"): string {
  const base = withRawField(seed, field, '""');
  return withRawField(seed, field, `"${"x".repeat(Math.max(0, bytes - Buffer.byteLength(base)))}"`);
}

const PROTO_KEYS = [
  '"__proto__":{"isAdmin":true,"kind":"admin","clientId":"x"}',
  '"constructor":{"prototype":{"isAdmin":true}}',
  '"__proto__":null',
  '"prototype":{"polluted":1}',
];

const BROKEN_JSON = [
  "{", "}", "[", "{\"a\":}", "{\"a\":1,}", "{'a':1}", "NaN", "Infinity", "undefined", "{\"a\":01}", "{\"a\":\"\\x00\"}", "\"unterminated",
  "{\"a\":1}{\"b\":2}", "\ufeff{}", "", "   ", "\u0000", "{\"a\":\"\\ud800\"}", "[1,2", "tru", "{\"__proto__\":", "{\"a\":1e99999}",
];

/** The big ones (up to 1 MiB each): rarer, so that thousands of requests stay within the time budget. */
function heavyBody(rng: Rng, seed: Seed): Body {
  switch (rng.int(0, 3)) {
    case 0: {
      const field = rng.pick(["body", "metadata", "variables", "name", "call", "messages", "settings"]);
      return { kind: "deep-nesting", raw: withRawField(seed, field, deeplyNested(150_000, rng.chance(0.5) ? "array" : "object")), headers: JSON_TYPE, signable: true };
    }
    case 1:
      return { kind: "deep-nesting-top", raw: deeplyNested(150_000, rng.chance(0.5) ? "array" : "object"), headers: JSON_TYPE, signable: true };
    case 2:
      return { kind: "huge-under-limit", raw: sizedBody(seed, MAX_BODY_BYTES - rng.int(1, 512), rng.pick(["body", "name", "transcript", "x"])), headers: JSON_TYPE, signable: true };
    default:
      return { kind: "huge-over-limit", raw: sizedBody(seed, MAX_BODY_BYTES + rng.int(1, 64 * 1024)), headers: JSON_TYPE, signable: true };
  }
}

export function bodyFor(rng: Rng, seed: Seed): Body {
  if (rng.chance(0.08)) return heavyBody(rng, seed);
  const isForm = "form" in seed;
  const nativeType = isForm ? { "content-type": "application/x-www-form-urlencoded" } : JSON_TYPE;
  switch (rng.int(0, 12)) {
    case 0:
      return { kind: "seed", raw: isForm ? new URLSearchParams(seed.form).toString() : seedJson(seed), headers: nativeType, signable: true };
    case 1:
    case 2:
      return { kind: "wrong-types", raw: JSON.stringify(wrongTypes(rng, seed)), headers: JSON_TYPE, signable: true };
    case 3: {
      const obj = asObject(seed);
      for (const key of Object.keys(obj)) if (typeof obj[key] === "string" && rng.chance(0.7)) obj[key] = rng.pick(NASTY_STRINGS);
      obj[rng.pick(["metadata", "variables", "note"])] = { [rng.pick(NASTY_STRINGS)]: rng.pick(NASTY_STRINGS) };
      // JSON.stringify writes lone surrogates as \ud800 escapes: they arrive as such.
      return { kind: "unicode-nul", raw: JSON.stringify(obj), headers: JSON_TYPE, signable: true };
    }
    case 4: {
      const proto = rng.pick(PROTO_KEYS);
      const nested = rng.chance(0.5) ? `"metadata":{${proto}},"variables":{${proto}},` : "";
      const rest = seedJson({ json: asObject(seed) }).slice(1);
      return { kind: "proto-keys", raw: `{${proto},${nested}${rest === "}" ? '"x":1}' : rest}`, headers: JSON_TYPE, signable: true };
    }
    case 5:
      return { kind: "invalid-json", raw: rng.pick(BROKEN_JSON), headers: JSON_TYPE, signable: true };
    case 6: {
      const text = seedJson(seed);
      return { kind: "truncated-json", raw: text.slice(0, rng.int(0, Math.max(0, text.length - 1))), headers: JSON_TYPE, signable: true };
    }
    case 7: {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(asObject(seed))) params.append(k, typeof v === "string" ? v : JSON.stringify(v));
      if (rng.chance(0.5)) params.append(rng.pick(["__proto__[x]", "a[]", "a[b][c]", "%", ""]), rng.pick(NASTY_STRINGS));
      return { kind: "form-body", raw: params.toString(), headers: { "content-type": "application/x-www-form-urlencoded" }, signable: true };
    }
    case 8: {
      const type = rng.pick(["text/plain", "application/xml", "text/html", "application/octet-stream", "application/json; charset=utf-16", "application/x-www-form-urlencoded", "*/*", "", "application/json;;;", "multipart/form-data"]);
      return { kind: "wrong-content-type", raw: seedJson(seed), headers: type ? { "content-type": type } : {}, signable: true };
    }
    case 9: {
      const boundary = "----fuzz" + rng.int(0, 1e6);
      const raw = `--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\n${seedJson(seed)}\r\n--${boundary}--\r\n`;
      return { kind: "multipart", raw, headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, signable: true };
    }
    case 10: {
      // Bytes that are not UTF-8 at all, and UTF-16 with a BOM.
      const raw = rng.chance(0.5) ? Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x22, 0x7d]) : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedJson(seed), "utf16le")]);
      return { kind: "bad-encoding", raw, headers: JSON_TYPE, signable: false };
    }
    default:
      return { kind: "no-body", raw: "", headers: rng.chance(0.5) ? JSON_TYPE : {}, signable: true };
  }
}

/** Percent-encodes every byte (encodeURIComponent refuses lone surrogates). */
export const percentEncode = (s: string) => [...Buffer.from(s, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`).join("");

/** Odd query strings: the known parameters with bad values, repeats, prototype names, very long ones. */
export function queryFor(rng: Rng, clientId: string): { kind: string; query: string } {
  const cases: (() => string)[] = [
    () => "q=%",
    () => "q=%25%00%ZZ",
    () => `limit=${rng.pick(["-1", "0", "201", "1e9", "abc", "1.5", "NaN", "Infinity", "", "0x10", " 5", "٣"])}`,
    () => `cursor=${rng.pick(["garbage", "msg_", "msg_zz", "%00", "err_", "9:err_1", "__proto__", "msg_" + "f".repeat(500)])}`,
    () => "status=sent&status=failed&status=bogus",
    () => `status=${rng.pick(["sent,,", ",", "bogus", "sent,delivered,read,sent", "%2C"])}`,
    () => `clientId=${rng.pick(["", clientId, `${clientId}&clientId=other`, "other", "%00", "__proto__"])}`,
    () => `hours=${rng.pick(["0", "169", "NaN", "1e400", "-5", "48.5", "x"])}`,
    () => `since=${rng.pick(["garbage", "1h", "1y", "", "-1h"])}&sort=${rng.pick(["__proto__", "severity", "time", "constructor"])}`,
    () => `__proto__[isAdmin]=true&constructor[prototype][x]=1&toString=1&hasOwnProperty=1`,
    () => `a=${"x".repeat(rng.int(2000, 5000))}`,
    () => `q=${percentEncode(rng.pick(NASTY_STRINGS).slice(0, 2000))}`,
    () => `resolved=${rng.pick(["yes", "true", "TRUE", "1"])}&severity=${rng.pick(["critical", "bogus"])}&deep=1`,
    () => `a[]=1&a[]=2&b[c]=3&&&=&==`,
    () => `tab=${rng.pick(["%", "dead_letter", "<script>", "scheduled"])}&next=${encodeURIComponent("//evil.example.com")}`,
    () => `channel=${rng.pick(["fax", "", "sms", "SMS"])}&limit=${rng.int(-5, 300)}`,
  ];
  const i = rng.int(0, cases.length - 1);
  return { kind: `query-${i}`, query: cases[i]!() };
}

/** A value for a [param] path segment: a real id sometimes, hostile text otherwise (URL-encoded). */
export function segmentFor(rng: Rng, realId: string | undefined): string {
  if (realId && rng.chance(0.4)) return realId;
  return rng.pick([
    "nope", "msg_0000", "%00", "%E0%A4%A", "%ZZ", "%2e%2e%2f%2e%2e%2fetc", "__proto__", "constructor", percentEncode("😀"),
    "a".repeat(2000), percentEncode("'; DROP TABLE \"Message\";--"), "..", "%20", "msg_" + "0".repeat(40), "%C0%AF", percentEncode("\u0000\ud800"),
  ]);
}
