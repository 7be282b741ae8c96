// What the console's overview chart, filters and CSV export read, on SQLite and PostgreSQL:
// per-minute history that agrees with /api/stats, list filters (date range, provider, error
// class, customer, the short id), and an export with every matching row and nothing else.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { newId } from "../../lib/ids";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { countExport, csvField, exportMessagesCsv } from "../../lib/queue/export-csv";
import { listMessages } from "../../lib/queue/list";
import { getQueueStats } from "../../lib/queue/stats";
import { getTimeseries } from "../../lib/queue/timeseries";
import { listQuerySchema, messageFilterSchema, messageInputSchema, timeseriesQuerySchema } from "../../lib/schemas/message";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { FakeClock, createRecordingProvider, makeClient, makeWorker } from "../helpers/fixtures";

const START = new Date("2031-05-05T14:00:10.000Z"); // a Monday, 10:00 in New York: inside business hours

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const chunk of gen) text += chunk;
  return text;
}

for (const dialect of DIALECTS) {
  describe(`console data on ${dialect}`, () => {
    let t: TestDatabase;
    let clientId: string;
    let otherId: string;
    const clock = new FakeClock(new Date(START));
    const sentIds: string[] = [];

    before(async () => {
      t = await createTestDatabase(dialect);
      clientId = (await makeClient(t.db)).client.id;
      otherId = (await makeClient(t.db, { name: "Other Clinic" })).client.id;
      // `0001` fails permanently (recipient), `0002` transiently; the rest go.
      const { provider } = createRecordingProvider("fake", (m) => (m.to.endsWith("0001") ? "recipient" : m.to.endsWith("0002") ? "transient" : null));
      const { worker } = makeWorker(t, [provider], clock);
      const send = async (to: string, client = clientId, body = "Your visit is confirmed") =>
        (await enqueueMessage(t, messageInputSchema.parse({ clientId: client, channel: "sms", to, body }), { maxAttempts: 3, now: clock.now() })).message;
      // Minute 0: three sent, one recipient failure; minute 2: one sent for the other client, one transient failure.
      for (const to of ["+15550000010", "+15550000011", "+15550000012"]) sentIds.push((await send(to)).id);
      await send("+15550000001", clientId, "=HYPERLINK(\"x\") a, \"quoted\"\nline");
      await worker.runOnce();
      clock.advance(120_000);
      await send("+15550000020", otherId);
      await send("+15550000002");
      await worker.runOnce();
    });
    after(async () => t.destroy());

    test("per-minute history: sent and failed land in their minutes and add up to the stats", async () => {
      const now = new Date(START.getTime() + 4 * 60_000);
      const series = await getTimeseries(t, { ...timeseriesQuerySchema.parse({}), now });
      assert.equal(series.points.length, 60);
      const at = (offsetMin: number) => series.points.find((p) => p.minute === new Date(Math.floor(START.getTime() / 60_000) * 60_000 + offsetMin * 60_000).toISOString());
      assert.deepEqual(at(0), { minute: "2031-05-05T14:00:00.000Z", sent: 3, failed: 1, delivered: 0 });
      assert.equal(at(2)?.sent, 1);
      assert.equal(at(2)?.failed, 1);
      const stats = await getQueueStats(t.db, undefined, now);
      assert.equal(series.points.reduce((n, p) => n + p.sent, 0), stats.sentLastHour, "the chart's sum is the Sent, last hour figure");
      assert.equal(series.points.reduce((n, p) => n + p.failed, 0), stats.failedLastHour, "the chart's failures are the failed-attempts figure");
      const mine = await getTimeseries(t, { hours: 1, clientId, now });
      assert.equal(mine.points.reduce((n, p) => n + p.sent, 0), 3, "scoped to one client");
      assert.equal(mine.points.reduce((n, p) => n + p.failed, 0), 2);
      const later = await getTimeseries(t, { hours: 1, now: new Date(START.getTime() + 3 * 3_600_000) });
      assert.equal(later.points.reduce((n, p) => n + p.sent, 0), 0, "older than the window is left out");
      assert.throws(() => timeseriesQuerySchema.parse({ hours: "25" }));
    });

    test("filters: date range, provider, error class, customer and the short id", async () => {
      const list = async (q: Record<string, string>) => (await listMessages(t, listQuerySchema.parse(q))).messages.map((m) => m.to).sort();
      assert.deepEqual(await list({ errorClass: "recipient" }), ["+15550000001"]);
      assert.deepEqual(await list({ errorClass: "transient" }), ["+15550000002"]);
      assert.deepEqual(await list({ errorClass: "transient", q: "0000" }), ["+15550000002"], "with a text search too");
      assert.deepEqual(await list({ from: new Date(START.getTime() + 60_000).toISOString() }), ["+15550000002", "+15550000020"]);
      assert.deepEqual(await list({ until: new Date(START.getTime() + 60_000).toISOString(), q: "0000" }), ["+15550000001", "+15550000010", "+15550000011", "+15550000012"]);
      assert.deepEqual(await list({ from: "2031-05-06" }), [], "a day alone is UTC midnight");
      assert.equal((await list({ provider: "fake" })).length, 6, "the failed ones name the provider that refused them");
      assert.deepEqual(await list({ provider: "nobody" }), []);
      const short = `…${sentIds[1]!.slice(-8)}`;
      assert.deepEqual(await list({ q: short }), ["+15550000011"], "the table's short id finds its message");
      assert.throws(() => listQuerySchema.parse({ from: "yesterday" }));
      const customerId = newId("cus");
      await t.db.customer.create({ data: { id: customerId, clientId, name: "Ada Lovelace", phone: "+15550000099" } });
      await enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to: "+15550000099", body: "Hi Ada" }), { maxAttempts: 3, customerId, now: clock.now() });
      assert.deepEqual(await list({ customer: "lovelace" }), ["+15550000099"]);
      assert.deepEqual(await list({ customer: "nobody" }), []);
    });

    test("CSV export: every matching row once, fields quoted, formulas defused", async () => {
      const filter = messageFilterSchema.parse({ clientId });
      const csv = await collect(exportMessagesCsv(t, filter));
      const lines = csv.trimEnd().split("\r\n");
      assert.equal(lines[0]!.split(",")[0], "id");
      const expected = await countExport(t, filter);
      assert.ok(expected && expected >= 5);
      const ids = csv.match(/^msg_[0-9a-f]+/gm) ?? [];
      assert.equal(ids.length, expected, "one line per message");
      assert.equal(new Set(ids).size, ids.length);
      assert.ok(!csv.includes("+15550000020"), "another client's message is not exported");
      assert.ok(csv.includes(`"'=HYPERLINK(""x"") a, ""quoted""\nline"`), "quoted, with the formula prefixed");
      assert.ok(csv.includes(",+15550000010,"), "a phone number keeps its plus");
      assert.equal(csvField("-5"), "-5");
      assert.equal(csvField("@SUM(A1)"), "'@SUM(A1)");
      const failedOnly = await collect(exportMessagesCsv(t, messageFilterSchema.parse({ clientId, status: "failed,dead_letter" })));
      assert.equal((failedOnly.match(/^msg_/gm) ?? []).length, 2);
    });

    test("CSV export pages through more rows than one page", async () => {
      const bulkClient = (await makeClient(t.db, { name: "Bulk" })).client.id;
      for (let i = 0; i < 450; i++) {
        await enqueueMessage(t, messageInputSchema.parse({ clientId: bulkClient, channel: "sms", to: `+1555100${String(i).padStart(4, "0")}`, body: `n${i}` }), { maxAttempts: 3, now: clock.now() });
      }
      const csv = await collect(exportMessagesCsv(t, messageFilterSchema.parse({ clientId: bulkClient })));
      const ids = csv.match(/^msg_[0-9a-f]+/gm) ?? [];
      assert.equal(ids.length, 450);
      assert.equal(new Set(ids).size, 450);
      assert.equal(await countExport(t, messageFilterSchema.parse({ clientId: bulkClient })), 450);
    });
  });
}
