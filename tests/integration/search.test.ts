// Searches match what was typed, literally, on SQLite and PostgreSQL: `%`, `_` and `\` are
// characters to find, not LIKE wildcards (q=% used to list every message, call and error).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { callListQuerySchema, listCalls } from "../../lib/calls/queries";
import { listErrors } from "../../lib/errorlog/queries";
import { errorListQuerySchema } from "../../lib/errorlog/schemas";
import { fingerprintOf } from "../../lib/errorlog/log-error";
import { newId } from "../../lib/ids";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { listMessages } from "../../lib/queue/list";
import { listQuerySchema, messageInputSchema } from "../../lib/schemas/message";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";

const TEXTS = ["Your visit is confirmed", "50% off your next cleaning", "code A_B applies", "path C:\\clinic\\forms", "100 percent booked"];

for (const dialect of DIALECTS) {
  describe(`search on ${dialect}`, () => {
    let t: TestDatabase;
    let clientId: string;
    const messages = async (query: Record<string, string>) =>
      (await listMessages(t, listQuerySchema.parse({ clientId, ...query }))).messages.map((m) => m.body).sort();
    const calls = async (query: Record<string, string>) => (await listCalls(t, callListQuerySchema.parse(query))).calls.map((c) => c.callId).sort();
    const errors = async (query: Record<string, string>) => (await listErrors(t, errorListQuerySchema.parse(query))).errors.map((e) => e.message).sort();

    before(async () => {
      t = await createTestDatabase(dialect);
      clientId = (await makeClient(t.db)).client.id;
      for (const [i, body] of TEXTS.entries()) {
        await enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to: `+1555000000${i}`, body }), { maxAttempts: 3 });
      }
      const callIds = ["call_100%_sure", "call_a_b", "call_c\\d", "call_plain"];
      for (const callId of callIds) await t.db.call.create({ data: { id: newId("call"), callId, clientId, status: "ended", fromNumber: "+15557654321" } });
      const now = new Date();
      const input = { service: "api", operation: "GET /api/stats", errorType: "internal", clientId: null };
      await t.db.errorLog.createMany({
        data: TEXTS.map((message) => ({ id: newId("err"), ...input, severity: "error", message, fingerprint: fingerprintOf(input), createdAt: now })),
      });
    });
    after(async () => t.destroy());

    test("messages: % _ and \\ are found only where they are", async () => {
      assert.deepEqual(await messages({ q: "%" }), ["50% off your next cleaning"]);
      assert.deepEqual(await messages({ q: "_" }), ["code A_B applies"]);
      assert.deepEqual(await messages({ q: "\\" }), ["path C:\\clinic\\forms"]);
      assert.deepEqual(await messages({ q: "50%" }), ["50% off your next cleaning"]);
      assert.deepEqual(await messages({ q: "a_b" }), ["code A_B applies"], "blind to case");
      assert.deepEqual(await messages({ q: "%%" }), []);
      assert.deepEqual(await messages({ q: "percent" }), ["100 percent booked"]);
      assert.deepEqual(await messages({ q: "00000" }), TEXTS.slice().sort(), "the recipient is searched too");
      assert.deepEqual(await messages({ q: "%", status: "sent" }), [], "with the other filters");
    });

    test("messages: a search pages like any list, and an id finds its message", async () => {
      const first = await listMessages(t, listQuerySchema.parse({ clientId, q: "0000", limit: "2" }));
      const seen = first.messages.map((m) => m.id);
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await listMessages(t, listQuerySchema.parse({ clientId, q: "0000", limit: "2", cursor }));
        seen.push(...page.messages.map((m) => m.id));
        cursor = page.nextCursor;
      }
      assert.equal(seen.length, TEXTS.length);
      assert.deepEqual(seen, [...seen].sort().reverse(), "newest first, each once");
      assert.deepEqual((await listMessages(t, listQuerySchema.parse({ q: seen[2]! }))).messages.map((m) => m.id), [seen[2]]);
    });

    test("calls: one customer's number, as the caller or the called, with or without a search", async () => {
      await t.db.call.create({ data: { id: newId("call"), callId: "call_out_to_ann", clientId, status: "ended", direction: "outbound", toNumber: "+15550009999" } });
      await t.db.call.create({ data: { id: newId("call"), callId: "call_from_ann", clientId, status: "ended", fromNumber: "+15550009999" } });
      assert.deepEqual(await calls({ phone: "+15550009999" }), ["call_from_ann", "call_out_to_ann"]);
      assert.deepEqual(await calls({ phone: "+1555000999" }), [], "the whole number, not a part of it");
      assert.deepEqual(await calls({ phone: "+15550009999", q: "out" }), ["call_out_to_ann"]);
      assert.deepEqual(await calls({ phone: "+15550009999", q: "plain" }), [], "the search keeps the number filter");
      await t.db.call.deleteMany({ where: { callId: { in: ["call_out_to_ann", "call_from_ann"] } } });
    });

    test("calls: by call id, agent or number, wildcards literal", async () => {
      assert.deepEqual(await calls({ q: "%" }), ["call_100%_sure"]);
      assert.deepEqual(await calls({ q: "_" }), ["call_100%_sure", "call_a_b", "call_c\\d", "call_plain"], "every call id has an underscore");
      assert.deepEqual(await calls({ q: "a_b" }), ["call_a_b"]);
      assert.deepEqual(await calls({ q: "\\" }), ["call_c\\d"]);
      assert.deepEqual(await calls({ q: "plain" }), ["call_plain"]);
      assert.equal((await calls({ q: "7654321" })).length, 4, "the caller's number");
    });

    test("errors: % _ and \\ are found only where they are, in either sort", async () => {
      assert.deepEqual(await errors({ q: "%" }), ["50% off your next cleaning"]);
      assert.deepEqual(await errors({ q: "_", sort: "severity" }), ["code A_B applies"]);
      assert.deepEqual(await errors({ q: "\\" }), ["path C:\\clinic\\forms"]);
      assert.deepEqual(await errors({ q: "CONFIRMED", since: "1h", resolved: "false" }), ["Your visit is confirmed"]);
      assert.deepEqual(await errors({ q: "confirmed", resolved: "true" }), []);
    });
  });
}
