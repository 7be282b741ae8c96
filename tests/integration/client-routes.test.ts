// Routing identifiers are owned, on SQLite and PostgreSQL: an agent id or agent number belongs
// to at most one client, only an admin changes them, and calls and inbound replies go to the
// owner (never to "the first client that matches").
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import twilio from "twilio";
import type { Principal } from "../../lib/auth/principal";
import { handleCallWebhook } from "../../lib/calls/webhook";
import { createClient, getClientOrThrow, toApiClient, updateClient } from "../../lib/clients/clients";
import { resetConfig } from "../../lib/config";
import { getContext } from "../../lib/context";
import { getErrorLogger } from "../../lib/errorlog/log-error";
import { AppError } from "../../lib/errors";
import { handleTwilioInbound } from "../../lib/webhooks/twilio-inbound";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient, servicesFor } from "../helpers/fixtures";
import { callPayload, signedRequest, type CallOptions } from "../helpers/retell";

const RETELL = "routes-retell-key";
const AUTH = "routes-twilio-token";
const PUBLIC_URL = "https://herald.example.com";
const ADMIN: Principal = { kind: "admin", via: "key" };

/** Resolves with the AppError a promise rejects with (and fails the test if it does not). */
async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  assert.fail("expected a refusal");
}

for (const dialect of DIALECTS) {
  describe(`client routes on ${dialect}`, () => {
    let t: TestDatabase;
    let a: string;
    let b: string;
    const asA: () => Principal = () => ({ kind: "client", clientId: a });
    const call = (callId: string, o: Partial<CallOptions>) => {
      const { raw, signature } = signedRequest(RETELL, callPayload({ callId, event: "call_started", ...o }));
      return handleCallWebhook(servicesFor(t), raw, signature, new Date());
    };
    const inbound = (to: string, sid: string, body = "Is my appointment still on?") => {
      const params = { From: "+15557770000", To: to, Body: body, MessageSid: sid };
      const signature = twilio.getExpectedTwilioSignature(AUTH, `${PUBLIC_URL}/api/webhooks/twilio/inbound`, params);
      return handleTwilioInbound(servicesFor(t), new URLSearchParams(params).toString(), "application/x-www-form-urlencoded", signature);
    };

    before(async () => {
      t = await createTestDatabase(dialect);
      await getContext().close();
      Object.assign(process.env, { DATABASE_URL: t.url, RETELL_API_KEY: RETELL, TWILIO_AUTH_TOKEN: AUTH, PUBLIC_URL });
      resetConfig();
      b = (await makeClient(t.db, { name: "Victim Dental", smsFrom: "+15550002000", agentIds: ["agent_b"], phoneNumbers: ["+15550002000"] })).client.id;
      a = (await makeClient(t.db, { name: "Attacker Dental", smsFrom: "+15550001000", agentIds: ["agent_a"], phoneNumbers: ["+15550001000"] })).client.id;
    });
    after(async () => {
      await getErrorLogger().flush();
      await getContext().close();
      await t.destroy();
    });

    test("a client key may not change its agent ids, numbers or sender ids (403 naming each); sending them back unchanged is fine", async () => {
      const denied = await refusal(updateClient(t.db, a, { agentIds: ["agent_a", "agent_b"], phoneNumbers: ["+15550002000"] }, asA()));
      assert.equal(denied.code, "FORBIDDEN");
      assert.deepEqual(denied.details?.map((d) => d.path), ["agentIds", "phoneNumbers"]);
      assert.equal((await refusal(updateClient(t.db, a, { smsFrom: "+15550002000" }, asA()))).details?.[0]?.path, "smsFrom");

      const same = await updateClient(t.db, a, { name: "Renamed Dental", agentIds: ["agent_a"], phoneNumbers: ["+15550001000"], smsFrom: "+15550001000" }, asA());
      assert.equal(same.name, "Renamed Dental");
      assert.deepEqual(toApiClient(await getClientOrThrow(t.db, b)).agentIds, ["agent_b"], "B keeps its agent");
    });

    test("an agent id or number another client holds is 409 CONFLICT by field, without naming the owner; nothing is written", async () => {
      const conflict = await refusal(updateClient(t.db, a, { name: "Half Written", agentIds: ["agent_a", "agent_b"], phoneNumbers: ["+15550001000", "+15550002000"] }, ADMIN));
      assert.equal(conflict.code, "CONFLICT");
      assert.deepEqual(conflict.details?.map((d) => d.path), ["agentIds", "phoneNumbers"]);
      assert.match(conflict.details![0]!.message, /agent_b is already routed to another client/);
      assert.doesNotMatch(JSON.stringify({ message: conflict.message, details: conflict.details }), new RegExp(`${b}|Victim`));

      const unchanged = toApiClient(await getClientOrThrow(t.db, a));
      assert.equal(unchanged.name, "Renamed Dental");
      assert.deepEqual([unchanged.agentIds, unchanged.phoneNumbers], [["agent_a"], ["+15550001000"]]);

      const created = await refusal(createClient(t.db, { name: "Copycat", timezone: "UTC", agentIds: ["agent_b"] }));
      assert.equal(created.code, "CONFLICT");
      assert.equal(created.details?.[0]?.path, "agentIds");
      assert.equal(await t.db.client.count({ where: { name: "Copycat" } }), 0);
    });

    test("a call for B's agent or B's number is B's, however A's routes are edited", async () => {
      await updateClient(t.db, a, { agentIds: ["agent_a", "agent_a2", "agent_a"] }, ADMIN); // repeats are kept once, in order
      assert.deepEqual(toApiClient(await getClientOrThrow(t.db, a)).agentIds, ["agent_a", "agent_a2"]);
      await call("call_routes_1", { agentId: "agent_b" });
      await call("call_routes_2", { agentId: "agent_unknown", to: "+15550002000" });
      await call("call_routes_3", { agentId: "agent_a2" });
      const owners = await t.db.call.findMany({ where: { callId: { startsWith: "call_routes_" } }, orderBy: { callId: "asc" } });
      assert.deepEqual(owners.map((c) => c.clientId), [b, b, a]);
    });

    test("two admins claiming the same new agent at once: one wins, the other gets 409", async () => {
      const results = await Promise.allSettled([
        updateClient(t.db, a, { agentIds: ["agent_a", "agent_race"] }, ADMIN),
        updateClient(t.db, b, { agentIds: ["agent_b", "agent_race"] }, ADMIN),
      ]);
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      assert.ok(lost.reason instanceof AppError && lost.reason.code === "CONFLICT", String(lost.reason));
      assert.equal(await t.db.clientRoute.count({ where: { value: "agent_race" } }), 1);
      await Promise.all([updateClient(t.db, a, { agentIds: ["agent_a"] }, ADMIN), updateClient(t.db, b, { agentIds: ["agent_b"] }, ADMIN)]);
    });

    test("a route given up by one client can be taken by another, and calls follow at once", async () => {
      await updateClient(t.db, b, { agentIds: ["agent_b", "agent_moved"] }, ADMIN);
      await call("call_moved_1", { agentId: "agent_moved" });
      await updateClient(t.db, b, { agentIds: ["agent_b"] }, ADMIN);
      await updateClient(t.db, a, { agentIds: ["agent_a", "agent_moved"] }, ADMIN);
      await call("call_moved_2", { agentId: "agent_moved" });
      const calls = await t.db.call.findMany({ where: { callId: { startsWith: "call_moved_" } }, orderBy: { callId: "asc" } });
      assert.deepEqual(calls.map((c) => c.clientId), [b, a]);
    });

    test("an inbound reply goes to the client owning the number; a sender id two clients share routes nowhere", async () => {
      assert.equal((await inbound("+15550002000", "SM_routes_1")).stored, true);
      assert.equal((await t.db.inboundMessage.findUniqueOrThrow({ where: { providerMessageId: "SM_routes_1" } })).clientId, b);

      // Two clients sending from one number (an agency's shared line): neither owns its replies.
      await makeClient(t.db, { name: "Shared One", smsFrom: "+15550003000" });
      await makeClient(t.db, { name: "Shared Two", smsFrom: "+15550003000" });
      assert.deepEqual(await inbound("+15550003000", "SM_routes_2"), { stored: false });
      assert.equal(await t.db.inboundMessage.count({ where: { providerMessageId: "SM_routes_2" } }), 0);
    });
  });
}
