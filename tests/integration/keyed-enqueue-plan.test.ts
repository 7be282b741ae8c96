// A keyed enqueue (an Idempotency-Key, a widget send's messageId) finds an earlier message by
// the (clientId, idempotencyKey) index even after ANALYZE has counted a large Message table:
// SQLite otherwise chose to scan every message for each enqueue (~90 ms at 70,000 messages,
// seen in the conversations bench). And the lookup still answers the earlier message.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { enqueueBatch, enqueueMessage, findByKeysSql } from "../../lib/queue/enqueue";
import { runRead } from "../../lib/db/direct";
import { messageInputSchema } from "../../lib/schemas/message";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";

for (const dialect of DIALECTS) {
  describe(`keyed enqueue on ${dialect}`, () => {
    let t: TestDatabase;
    let a: string;
    before(async () => {
      t = await createTestDatabase(dialect);
      a = (await makeClient(t.db)).client.id;
      // As in production: most messages carry no key (follow-ups, sends without Idempotency-Key).
      const items = Array.from({ length: 3000 }, (_, i) => ({ clientId: a, channel: "sms", to: `+1555888${String(i).padStart(4, "0")}`, body: `n ${i}`, ...(i % 100 === 17 ? { idempotencyKey: `k-${i}` } : {}) }));
      await enqueueBatch(t, items, { maxAttempts: 3, allowClient: () => true });
      if (dialect === "sqlite") t.sqlite!.exec("ANALYZE");
      else await t.pool!.query("ANALYZE");
    });
    after(async () => t.destroy());

    test("the same key answers the first message, found by its index after ANALYZE", async () => {
      const input = messageInputSchema.parse({ clientId: a, channel: "sms", to: "+15558889999", body: "once" });
      const first = await enqueueMessage(t, input, { maxAttempts: 3, idempotencyKey: "widget:x:1" });
      const again = await enqueueMessage(t, input, { maxAttempts: 3, idempotencyKey: "widget:x:1" });
      assert.equal(first.created, true);
      assert.deepEqual([again.created, again.message.id], [false, first.message.id]);
      const found = await runRead<{ id: string }>(t, findByKeysSql(t, [{ clientId: a, idempotencyKey: "k-17" }, { clientId: a, idempotencyKey: "widget:x:1" }]));
      assert.equal(found.length, 2);
      if (dialect === "sqlite") {
        const q = findByKeysSql(t, [{ clientId: a, idempotencyKey: "k-17" }]);
        const plan = t.sqlite!.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.values) as { detail: string }[];
        const details = plan.map((p) => p.detail).join(" | ");
        assert.match(details, /SEARCH m USING INDEX Message_clientId_idempotencyKey_key/, details);
        assert.doesNotMatch(details, /SCAN m\b/, details);
      }
    });
  });
}
