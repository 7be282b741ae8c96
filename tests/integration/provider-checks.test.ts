// Provider credentials checked at start, through the real SDKs against the local doubles:
// Twilio (account fetch), SendGrid (the key's scopes), SMTP (nodemailer's verify against a real
// SMTP receiver with AUTH). Results reach /api/health (providers.<name>.status "failing" with
// lastError) without ever holding up the start.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createContext, setContext } from "../../lib/context";
import { healthReport } from "../../lib/http/health";
import { checkProvider, providerChecks, startProviderChecks } from "../../lib/ops/provider-checks";
import { createProviderChains } from "../../lib/providers/registry";
import { parseConfig } from "../../lib/config";
import { createSendgridProvider } from "../../lib/providers/sendgrid";
import { createSmtpProvider } from "../../lib/providers/smtp";
import { createTwilioProvider } from "../../lib/providers/twilio";
import { refusedUrl, startHttpDouble, type HttpDouble } from "../helpers/doubles/http-double";
import { SENDGRID_KEY, startSendgridDouble, type SendgridDouble } from "../helpers/doubles/sendgrid-double";
import { startSmtpDouble, type SmtpDouble } from "../helpers/doubles/smtp-double";
import { TWILIO_SID, TWILIO_TOKEN, startTwilioDouble, type TwilioDouble } from "../helpers/doubles/twilio-double";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";

const CALLBACK = "https://herald.example.com/api/webhooks/twilio/status";

describe("provider credential checks", () => {
  let twilio: TwilioDouble;
  let sendgrid: SendgridDouble;
  let smtp: SmtpDouble;
  let t: TestDatabase;
  before(async () => {
    [twilio, sendgrid, smtp, t] = await Promise.all([startTwilioDouble(), startSendgridDouble(), startSmtpDouble({ auth: { user: "desk", pass: "right" } }), createTestDatabase("sqlite")]);
  });
  after(async () => {
    setContext(undefined);
    await Promise.all([twilio.close(), sendgrid.close(), smtp.close(), t.destroy()]);
  });
  const twilioWith = (authToken: string) => createTwilioProvider({ accountSid: TWILIO_SID, authToken, apiBaseUrl: twilio.url, statusCallbackUrl: CALLBACK });
  const failure = async (p: { check?(): Promise<void> }) => {
    try {
      await p.check!();
    } catch (err) {
      return err as Error & { code?: string; errorClass?: string };
    }
    assert.fail("the check passed");
  };

  test("Twilio: the account is fetched with the credentials; a wrong token or a suspended account fails", async () => {
    await twilioWith(TWILIO_TOKEN).check!();
    const fetches = twilio.requests.filter((r) => r.method === "GET");
    assert.equal(fetches.at(-1)?.path, `/2010-04-01/Accounts/${TWILIO_SID}.json`);
    assert.equal(twilio.accepted.length, 0, "nothing was sent");
    const wrong = await failure(twilioWith("wrong-token"));
    assert.equal(wrong.code, "20003");
    assert.equal(wrong.errorClass, "provider");
    twilio.accountStatus = "suspended";
    try {
      assert.match((await failure(twilioWith(TWILIO_TOKEN))).message, /suspended/);
    } finally {
      twilio.accountStatus = "active";
    }
  });

  test("SendGrid: the key's scopes are read; a wrong key or a key without mail.send fails", async () => {
    await createSendgridProvider({ apiKey: SENDGRID_KEY, apiBaseUrl: sendgrid.url }).check!();
    assert.equal(sendgrid.requests.at(-1)?.path, "/v3/scopes");
    assert.equal((await failure(createSendgridProvider({ apiKey: "SG.wrong", apiBaseUrl: sendgrid.url }))).code, "HTTP_401");
    sendgrid.scopes = ["stats.read"];
    try {
      assert.equal((await failure(createSendgridProvider({ apiKey: SENDGRID_KEY, apiBaseUrl: sendgrid.url }))).code, "MISSING_SCOPE");
    } finally {
      sendgrid.scopes = ["mail.send"];
    }
    assert.equal(sendgrid.accepted.length, 0, "nothing was sent");
  });

  test("SMTP: connect and log in; a wrong password (535) or no server fails", async () => {
    const port = new URL(smtp.url).port;
    const right = createSmtpProvider({ url: `smtp://desk:right@127.0.0.1:${port}` });
    await right.check!();
    const wrong = createSmtpProvider({ url: `smtp://desk:wrong@127.0.0.1:${port}` });
    const refused = createSmtpProvider({ url: `smtp://127.0.0.1:${new URL(await refusedUrl()).port}` });
    try {
      const err = await failure(wrong);
      assert.equal(err.code, "535");
      assert.equal(err.errorClass, "provider");
      assert.equal((await failure(refused)).errorClass, "transient");
    } finally {
      await Promise.all([right, wrong, refused].map((p) => p.close?.()));
    }
    assert.equal(smtp.received.length, 0, "nothing was sent");
  });

  test("bad Twilio credentials show as failing in /api/health with the error; good SendGrid ones as ok", async () => {
    const env = {
      DATABASE_URL: t.url,
      TWILIO_ACCOUNT_SID: TWILIO_SID,
      TWILIO_AUTH_TOKEN: "wrong-token",
      TWILIO_FROM_NUMBER: "+15550009999",
      TWILIO_API_BASE_URL: twilio.url,
      SENDGRID_API_KEY: SENDGRID_KEY,
      SENDGRID_API_BASE_URL: sendgrid.url,
      EMAIL_FROM: "desk@example.com",
      LOG_LEVEL: "silent",
    };
    const ctx = createContext(env);
    setContext(ctx);
    const { providers } = createProviderChains(parseConfig(env));
    ctx.runtime = { startedAt: new Date(), providers };
    const stop = startProviderChecks(providers, ctx.config);
    try {
      await waitFor(() => ["twilio", "sendgrid"].every((name) => providerChecks().get(name)?.status !== "checking"));
      const { status, body } = await healthReport({ deep: true });
      assert.equal(status, 200, "a failing provider does not make Herald unhealthy");
      const reported = body.providers as Record<string, { status: string; lastError: string | null }>;
      assert.equal(reported.twilio?.status, "failing");
      assert.match(reported.twilio?.lastError ?? "", /Authenticate/);
      assert.equal(reported.sendgrid?.status, "ok");
      assert.equal(reported.sendgrid?.lastError, null);
    } finally {
      stop();
      await ctx.close();
    }
  });

  test("a check that never answers does not hold the start, and times out as failing", async () => {
    const stall: HttpDouble = await startHttpDouble(() => "stall");
    setContext(createContext({ LOG_LEVEL: "silent" }));
    try {
      const slow = createTwilioProvider({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, apiBaseUrl: stall.url, statusCallbackUrl: CALLBACK });
      const started = performance.now();
      const stop = startProviderChecks([slow], { PROVIDER_CHECKS: true });
      assert.ok(performance.now() - started < 50, "startProviderChecks returns at once");
      assert.equal(providerChecks().get("twilio")?.status, "checking");
      stop();
      const result = await checkProvider(slow, 300);
      assert.equal(result.status, "failing");
      assert.match(result.lastError ?? "", /no answer within/);
    } finally {
      await stall.close();
    }
  });
});

async function waitFor(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}
