// Calls in, follow-ups out, on SQLite and PostgreSQL: signature, idempotency, planning.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { resetConfig } from "../../lib/config";
import { handleCallWebhook } from "../../lib/calls/webhook";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { FakeClock, createRecordingProvider, makeClient, servicesFor, makeWorker } from "../helpers/fixtures";
import { callPayload, signedRequest } from "../helpers/retell";

const KEY = "test-retell-key";
process.env.RETELL_API_KEY = KEY;
resetConfig();

const NOW = new Date("2030-05-06T14:00:00.000Z"); // Monday 10:00 in New York

function deliver(t: TestDatabase, body: unknown, opts: { key?: string; at?: Date; signedAt?: number; signature?: string | null } = {}) {
  const { raw, signature } = signedRequest(opts.key ?? KEY, body, opts.signedAt ?? (opts.at ?? NOW).getTime());
  return handleCallWebhook(servicesFor(t), raw, opts.signature === undefined ? signature : opts.signature, opts.at ?? NOW);
}

for (const dialect of DIALECTS) {
  describe(`call webhooks on ${dialect}`, () => {
    let t: TestDatabase;
    let clientId: string;
    before(async () => {
      t = await createTestDatabase(dialect);
      clientId = (await makeClient(t.db, { agentIds: ["agent_e2e"], phoneNumbers: ["+15550001111"] })).client.id;
    });
    after(async () => t.destroy());

    test("a booked call: confirmation SMS and email now, reminders at exactly T−24 h and T−1 h", async () => {
      const appointment = "2030-05-08T15:30:00.000Z";
      const body = callPayload({ callId: "call_booked_1", analysis: { customer_name: "Dana Whitfield", customer_email: "dana@example.com", intent: "booking_request", appointment_booked: true, appointment_time: appointment } });
      const result = await deliver(t, body);
      assert.equal(result.status, "recorded");
      const messages = await t.db.message.findMany({ where: { callId: "call_booked_1" }, orderBy: { scheduledFor: "asc" } });
      const plan = messages.map((m) => [m.kind, m.channel, m.to, m.scheduledFor.toISOString()]);
      assert.deepEqual(plan.slice(0, 2).map((p) => p.slice(0, 3)).sort(), [["confirmation", "email", "dana@example.com"], ["confirmation", "sms", "+15557654321"]]);
      assert.equal(messages[0]!.scheduledFor.toISOString(), NOW.toISOString());
      assert.deepEqual(plan.slice(2), [
        ["reminder_24h", "sms", "+15557654321", "2030-05-07T15:30:00.000Z"],
        ["reminder_1h", "sms", "+15557654321", "2030-05-08T14:30:00.000Z"],
      ]);
      const sms = messages.find((m) => m.kind === "confirmation" && m.channel === "sms")!;
      assert.match(sms.body, /Hi Dana Whitfield, your appointment with Bright Smile Dental is confirmed for Wednesday, May 8 at 11:30 AM EDT/);
      assert.equal(sms.category, "transactional");
      const call = await t.db.call.findUniqueOrThrow({ where: { callId: "call_booked_1" } });
      assert.equal(call.clientId, clientId, "matched by agent_id");
      assert.equal(call.status, "analyzed");
      assert.ok(call.customerId);
    });

    test("the same event twice changes nothing the second time", async () => {
      const body = callPayload({ callId: "call_twice", analysis: { customer_name: "Sam", appointment_booked: false, intent: "pricing" } });
      assert.equal((await deliver(t, body)).status, "recorded");
      const before = await t.db.message.count();
      assert.equal((await deliver(t, body)).status, "duplicate");
      assert.equal(await t.db.message.count(), before);
      assert.equal(await t.db.webhookEvent.count({ where: { eventKey: "call_twice:call_analyzed" } }), 1);
    });

    test("bad, missing or stale signatures are refused and store nothing", async () => {
      const body = callPayload({ callId: "call_unsigned", analysis: { appointment_booked: true } });
      for (const opts of [{ key: "wrong-key" }, { signature: null }, { signedAt: NOW.getTime() - 6 * 60_000 }, { signature: "v=123,d=zz" }]) {
        await assert.rejects(deliver(t, body, opts), (e: { code?: string }) => e.code === "INVALID_SIGNATURE");
      }
      assert.equal(await t.db.call.count({ where: { callId: "call_unsigned" } }), 0);
    });

    test("interested but not booked: nurture held to business hours; a later booking cancels it", async () => {
      // Saturday 2030-05-11 12:00 New York: nurture SMS due Sunday → held until Monday 09:00 EDT.
      const saturday = new Date("2030-05-11T16:00:00Z");
      await deliver(t, callPayload({ callId: "call_nurture", from: "+15551119999", analysis: { customer_name: "Lee", customer_email: "lee@example.com", intent: "inquiry" } }), { at: saturday });
      const nurture = await t.db.message.findMany({ where: { callId: "call_nurture" }, orderBy: { scheduledFor: "asc" } });
      assert.deepEqual(nurture.map((m) => [m.kind, m.channel, m.category, m.scheduledFor.toISOString()]), [
        ["nurture_day1", "sms", "marketing", "2030-05-12T16:00:00.000Z"],
        ["nurture_day4", "email", "marketing", "2030-05-15T16:00:00.000Z"],
      ]);
      await deliver(t, callPayload({ callId: "call_books_later", from: "+15551119999", analysis: { customer_name: "Lee", appointment_booked: true, appointment_time: "2030-05-20T14:00:00Z" } }), { at: new Date("2030-05-11T17:00:00Z") });
      const after = await t.db.message.findMany({ where: { callId: "call_nurture" } });
      assert.deepEqual(after.map((m) => m.status), ["cancelled", "cancelled"]);
    });

    // Nurture from a real call event, then the worker at the moment it falls due: held to the
    // client's next opening, in its own zone. DST starts in New York on Sunday 2030-03-10, so
    // Monday's 09:00 is 13:00Z (EDT), not the 14:00Z it was the Monday before; Tokyo has no DST.
    for (const { zone, agent, from, callAt, due, opening, local } of [
      { zone: "America/New_York", agent: "agent_ny_dst", from: "+15552220001", callAt: "2030-03-08T23:00:00Z", due: "2030-03-09T23:00:00.000Z", opening: "2030-03-11T13:00:00.000Z", local: "Mon 11 Mar 09:00 EDT" },
      { zone: "Asia/Tokyo", agent: "agent_tokyo", from: "+815012345678", callAt: "2030-03-08T10:00:00Z", due: "2030-03-09T10:00:00.000Z", opening: "2030-03-11T00:00:00.000Z", local: "Mon 11 Mar 09:00 GMT+9" },
    ]) {
      test(`nurture planned on a Friday evening in ${zone} waits for Monday 09:00 local`, async () => {
        await makeClient(t.db, { name: `Clinic ${zone}`, timezone: zone, agentIds: [agent] });
        const at = new Date(callAt);
        const callId = `call_nurture_${agent}`;
        await deliver(t, callPayload({ callId, agentId: agent, from, to: "+15550009999", analysis: { customer_name: "Kai", customer_email: "kai@example.com", intent: "pricing" } }), { at });
        const sms = await t.db.message.findFirstOrThrow({ where: { callId, kind: "nurture_day1" } });
        assert.equal(sms.scheduledFor.toISOString(), due, "day 1 after the call");

        const clock = new FakeClock(new Date(due));
        const rec = createRecordingProvider("p");
        const { worker } = makeWorker(t, [rec.provider], clock);
        await worker.runOnce();
        const held = await t.db.message.findUniqueOrThrow({ where: { id: sms.id } });
        assert.equal(held.status, "pending");
        assert.equal(held.runAt.toISOString(), opening);
        assert.equal(held.heldReason, `outside business hours; held until ${local}`);
        assert.equal(rec.sent.filter((m) => m.id === sms.id).length, 0);

        clock.current = new Date(opening);
        await worker.runOnce();
        assert.equal((await t.db.message.findUniqueOrThrow({ where: { id: sms.id } })).status, "sent");
        assert.equal(rec.sent.filter((m) => m.id === sms.id).length, 1);
      });
    }

    test("events arriving together are written together, each settling on its own", async () => {
      // 30 calls' three events at once, plus one redelivery and one unknown client: the group
      // commit batches them, keeps each call's events in order and fails only the bad one.
      const deliveries = [];
      for (let i = 0; i < 30; i++) {
        const callId = `call_burst_${i}`;
        const from = `+1555777${String(i).padStart(4, "0")}`;
        for (const event of ["call_started", "call_ended", "call_analyzed"]) {
          deliveries.push(deliver(t, callPayload({ callId, event, from, analysis: event === "call_started" ? undefined : { customer_name: `B${i}`, intent: "pricing" } })));
        }
      }
      deliveries.push(deliver(t, callPayload({ callId: "call_burst_0", event: "call_analyzed", from: "+15557770000", analysis: { intent: "pricing" } })));
      deliveries.push(deliver(t, callPayload({ callId: "call_burst_nobody", agentId: "agent_nobody", to: "+15559990001" })));
      const settled = await Promise.allSettled(deliveries);
      const statuses = settled.map((s) => (s.status === "fulfilled" ? s.value.status : (s.reason as { code?: string }).code));
      assert.equal(statuses.filter((s) => s === "recorded").length, 90);
      assert.equal(statuses.filter((s) => s === "duplicate").length, 1);
      assert.equal(statuses.at(-1), "NOT_FOUND");
      const calls = await t.db.call.findMany({ where: { callId: { startsWith: "call_burst_" } } });
      assert.equal(calls.length, 30);
      assert.ok(calls.every((c) => c.status === "analyzed" && c.followUpsPlannedAt), "every call analyzed and planned");
      const nurture = await t.db.message.findMany({ where: { callId: { startsWith: "call_burst_" } } });
      assert.equal(nurture.length, 30, "one nurture SMS per call (no email known), planned once although call_ended carried the analysis too");
      assert.equal(await t.db.customer.count({ where: { phone: { startsWith: "+1555777" } } }), 30);
    });

    test("a follow-up that cannot be made is recorded on the call with its reason", async () => {
      await deliver(t, callPayload({ callId: "call_no_email", analysis: { customer_name: "Ira", appointment_booked: true, appointment_time: "2030-05-06T14:30:00Z" } }));
      const call = await t.db.call.findUniqueOrThrow({ where: { callId: "call_no_email" } });
      const notes = JSON.parse(call.followUpNotes) as { outcome: string; skipped: { kind: string; channel: string; reason: string }[] };
      assert.equal(notes.outcome, "booked");
      assert.deepEqual(notes.skipped, [
        { kind: "confirmation", channel: "email", reason: "no email address for the customer" },
        { kind: "reminder_24h", channel: "sms", reason: "the reminder time has already passed" },
        { kind: "reminder_1h", channel: "sms", reason: "the reminder time has already passed" },
      ]);
    });

    test("a missed call gets one 'sorry we missed you' SMS; unknown events are ignored; unknown clients are 404", async () => {
      await deliver(t, callPayload({ callId: "call_missed", event: "call_ended", disconnectionReason: "dial_no_answer", direction: "outbound", from: "+15550001111", to: "+15552223333", analysis: {} }));
      const missed = await t.db.message.findMany({ where: { callId: "call_missed" } });
      assert.deepEqual(missed.map((m) => [m.kind, m.to, m.category]), [["missed_call", "+15552223333", "marketing"]]);
      assert.equal((await deliver(t, callPayload({ callId: "call_x", event: "call_transferred" }))).status, "ignored");
      await assert.rejects(
        deliver(t, callPayload({ callId: "call_nobody", agentId: "agent_unknown", to: "+15559990000" })),
        (e: { code?: string }) => e.code === "NOT_FOUND",
      );
      assert.equal(await t.db.webhookEvent.count({ where: { eventKey: { startsWith: "call_nobody" } } }), 0);
    });
  });
}
