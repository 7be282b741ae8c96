// A server.ts of the fuzz's own (fresh SQLite file, signing secrets for every webhook) and
// the things a fuzzed path can point at: a client and its key, a message, a call, an
// error-log entry and a console session.
import { callPayload, signedRequest } from "../retell";
import { dbFileFor, freshDatabase, heraldEnv, startHerald, type HeraldServer } from "../../e2e/herald-process";
import { send, type RawResult } from "./raw-http";
import { TWILIO_TOKEN, sendgridKeys, type FuzzContext } from "./seeds";
import { MAX_BODY_BYTES } from "./payloads";

const env = heraldEnv(0, "");
const ADMIN_KEY = env.ADMIN_API_KEY!;
const PASSWORD = env.ADMIN_PASSWORD!;
const RETELL_KEY = env.RETELL_API_KEY!;

export const ADMIN_JSON = { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" };

export function jsonOf(res: RawResult): unknown {
  if (!res.ok) throw new Error(`no answer: ${res.message}`);
  return JSON.parse(res.body);
}

function expectStatus(what: string, res: RawResult, status: number): void {
  if (!res.ok || res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.ok ? `${res.status} ${res.body.slice(0, 300)}` : res.message}`);
}

export async function startFuzzServer(port: number, databaseUrl?: string): Promise<{ server: HeraldServer; ctx: FuzzContext }> {
  const keys = sendgridKeys();
  const url = databaseUrl ?? (await freshDatabase(dbFileFor(`fuzz-${port}`)));
  const server = await startHerald(port, url, {
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    SENDGRID_WEBHOOK_PUBLIC_KEY: keys.publicKeyBase64,
    MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    SMS_PROVIDERS: "sandbox",
    EMAIL_PROVIDERS: "sandbox",
    WHATSAPP_PROVIDERS: "sandbox",
  });
  const base = server.url;
  const post = (path: string, body: unknown, headers: Record<string, string> = ADMIN_JSON) => send(base, { method: "POST", path, headers, body: JSON.stringify(body) });

  const created = await post("/api/clients", { name: "Fuzz Clinic", timezone: "America/New_York", smsFrom: "+15550001111", agentIds: ["agent_fuzz"] });
  expectStatus("POST /api/clients", created, 201);
  const { client, apiKey } = jsonOf(created) as { client: { id: string }; apiKey: string };
  const enqueued = await post("/api/messages", { clientId: client.id, channel: "sms", to: "+15551230000", body: "fuzz seed" });
  expectStatus("POST /api/messages", enqueued, 202);
  const message = (jsonOf(enqueued) as { message: { id: string } }).message;

  const login = await post("/api/auth/login", { password: PASSWORD }, { "content-type": "application/json" });
  expectStatus("POST /api/auth/login", login, 200);
  const setCookie = login.ok ? [login.headers["set-cookie"] ?? []].flat()[0] ?? "" : "";
  const sessionCookie = setCookie.split(";")[0]!;

  const callId = `fuzz_call_${port}`;
  const signed = signedRequest(RETELL_KEY, callPayload({ callId, clientId: client.id, analysis: { appointment_booked: false } }));
  expectStatus("POST /api/webhooks/calls", await send(base, { method: "POST", path: "/api/webhooks/calls", headers: { "content-type": "application/json", "x-retell-signature": signed.signature }, body: signed.raw }), 204);
  // An unsigned call event leaves an error-log entry: the fuzz's /api/errors/[id].
  await send(base, { method: "POST", path: "/api/webhooks/calls", headers: { "content-type": "application/json" }, body: signed.raw });
  let errorId: string | undefined;
  for (let i = 0; i < 30 && !errorId; i++) {
    const list = await send(base, { method: "GET", path: "/api/errors", headers: ADMIN_JSON });
    errorId = list.ok && list.status === 200 ? (jsonOf(list) as { errors?: { id: string }[] }).errors?.[0]?.id : undefined;
    if (!errorId) await new Promise((r) => setTimeout(r, 100));
  }

  return {
    server,
    ctx: {
      base, publicUrl: base, adminKey: ADMIN_KEY, clientKey: apiKey, sessionCookie, retellKey: RETELL_KEY, sendgridPrivateKey: keys.privateKey,
      ids: { client: client.id, message: message.id, call: callId, error: errorId },
    },
  };
}

/** What a user notices first: health answers 200 and a message can still be sent. Returns the problems. */
export async function healthProblems(base: string, clientId: string): Promise<string[]> {
  const problems: string[] = [];
  const health = await send(base, { method: "GET", path: "/api/health" });
  if (!health.ok || health.status !== 200) problems.push(`GET /api/health → ${health.ok ? `${health.status} ${health.body.slice(0, 200)}` : health.message}`);
  const posted = await send(base, { method: "POST", path: "/api/messages", headers: ADMIN_JSON, body: JSON.stringify({ clientId, channel: "sms", to: "+15551239999", body: "still works" }) });
  if (!posted.ok || posted.status !== 202) problems.push(`POST /api/messages (a normal one) → ${posted.ok ? `${posted.status} ${posted.body.slice(0, 200)}` : posted.message}`);
  // Nothing the fuzz sent (prototype keys, cookies) may have left the server granting access.
  const anonymous = await send(base, { method: "GET", path: "/api/messages" });
  if (!anonymous.ok || anonymous.status !== 401) problems.push(`GET /api/messages without credentials → ${anonymous.ok ? anonymous.status : anonymous.message} (expected 401)`);
  return problems;
}
