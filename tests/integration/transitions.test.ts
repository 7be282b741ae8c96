// The message lifecycle's table (lib/queue/transitions.ts) against the queue's real SQL,
// on SQLite and PostgreSQL: every transition moves a message from each status the table
// allows and from no other; and a failure in a transition's second statement leaves the
// message as it was (one transaction each).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { MESSAGE_STATUSES, type MessageStatus } from "../../lib/domain/words";
import type { Message } from "../../lib/generated/sqlite/client";
import { cancelMessage, retryMessage } from "../../lib/queue/actions";
import { claimDueMessages } from "../../lib/queue/claim";
import { applyStatusReports } from "../../lib/queue/delivery";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { pruneFinishedMessages } from "../../lib/queue/prune";
import { commitSendProgress, type Outcome } from "../../lib/queue/send-progress";
import { TRANSITIONS, canTransition, type TransitionName } from "../../lib/queue/transitions";
import { messageInputSchema } from "../../lib/schemas/message";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";

const OWNER = "owner-1";
const PAST = new Date("2020-01-01T00:00:00Z");

for (const dialect of DIALECTS) {
  describe(`message transitions on ${dialect}`, () => {
    let t: TestDatabase;
    let clientId: string;
    let n = 0;
    before(async () => {
      t = await createTestDatabase(dialect);
      clientId = (await makeClient(t.db)).client.id;
    });
    after(async () => t.destroy());

    /** A message put straight into `status` (leased by OWNER, due, old, with a provider id) as a test fixture. */
    async function messageIn(status: MessageStatus): Promise<Message> {
      const input = messageInputSchema.parse({ clientId, channel: "sms", to: `+1555700${String(++n).padStart(4, "0")}`, body: `t${n}` });
      const { message } = await enqueueMessage(t, input, { maxAttempts: 3, now: PAST });
      return t.db.message.update({
        where: { id: message.id },
        data: { status, leaseOwner: OWNER, runAt: PAST, providerMessageId: `pm-${message.id}`, updatedAt: PAST },
      });
    }
    const statusOf = async (id: string) => (await t.db.message.findUnique({ where: { id } }))?.status ?? "deleted";
    const outcome = (id: string, status: Outcome["status"]): Outcome => ({ id, status, attemptsDelta: status === "pending" ? 0 : 1, provider: "p", runAt: status === "failed" || status === "pending" ? new Date() : null });

    // How each transition is attempted; it resolves to the status the message ends in.
    const attempt: Partial<Record<TransitionName, (m: Message) => Promise<unknown>>> = {
      claim: (m) => claimDueMessages(t, { owner: "owner-2", limit: 500, leaseMs: 60_000, now: new Date() }).then((rows) => rows.some((r) => r.id === m.id)),
      send: (m) => commitSendProgress(t, OWNER, { starts: [], outcomes: [outcome(m.id, "sent")], attempts: [] }, new Date()),
      fail: (m) => commitSendProgress(t, OWNER, { starts: [], outcomes: [outcome(m.id, "failed")], attempts: [] }, new Date()),
      deadLetter: (m) => commitSendProgress(t, OWNER, { starts: [], outcomes: [outcome(m.id, "dead_letter")], attempts: [] }, new Date()),
      hold: (m) => commitSendProgress(t, OWNER, { starts: [], outcomes: [outcome(m.id, "pending")], attempts: [] }, new Date()),
      cancelByRule: (m) => commitSendProgress(t, OWNER, { starts: [], outcomes: [{ id: m.id, status: "cancelled", attemptsDelta: 0, historyNote: "frequency cap" }], attempts: [] }, new Date()),
      retry: (m) => retryMessage(t, m, {}).catch((e: { code?: string }) => assert.equal(e.code, "INVALID_STATE")),
      cancel: (m) => cancelMessage(t, m).catch((e: { code?: string }) => assert.equal(e.code, "INVALID_STATE")),
      deliver: (m) => applyStatusReports(t, [{ providerMessageId: m.providerMessageId!, status: "delivered" }]),
      read: (m) => applyStatusReports(t, [{ providerMessageId: m.providerMessageId!, status: "read" }]),
      undeliver: (m) => applyStatusReports(t, [{ providerMessageId: m.providerMessageId!, status: "undelivered", error: "carrier" }]),
      prune: () => pruneFinishedMessages(t, new Date(), { batchSize: 500, inBatches: async (select, remove) => void (await remove((await select()).map((r) => r.id))) }),
    };

    for (const [name, run] of Object.entries(attempt) as [TransitionName, (m: Message) => Promise<unknown>][]) {
      test(`${name}: from ${TRANSITIONS[name].from.join(", ")} to ${TRANSITIONS[name].to ?? "deleted"}, refused from every other status`, async () => {
        // Claim takes every due message at once: one status at a time, the others out of its way.
        for (const from of MESSAGE_STATUSES) {
          await t.db.message.updateMany({ where: { status: { in: ["pending", "failed", "processing"] } }, data: { status: "cancelled" } });
          const m = await messageIn(from);
          await run(m);
          const expected = canTransition(name, from) ? (TRANSITIONS[name].to ?? "deleted") : from;
          assert.equal(await statusOf(m.id), expected, `${name} from ${from}`);
        }
      });
    }

    test("startSend: only the lease owner may start a send; a recovered one is flagged with an unknown attempt", async () => {
      await t.db.message.updateMany({ where: { status: { in: ["pending", "failed", "processing"] } }, data: { status: "cancelled" } });
      const m = await messageIn("processing");
      const other = await commitSendProgress(t, "someone-else", { starts: [{ id: m.id, recovered: null }], outcomes: [], attempts: [] }, new Date());
      assert.equal(other.started.size, 0);
      const mine = await commitSendProgress(t, OWNER, { starts: [{ id: m.id, recovered: { attempt: 1 } }], outcomes: [], attempts: [] }, new Date());
      assert.equal(mine.started.size, 1);
      const row = await t.db.message.findUniqueOrThrow({ where: { id: m.id }, include: { attempt: true } });
      assert.ok(row.sendStartedAt);
      assert.equal(row.possibleDuplicate, true);
      assert.deepEqual(row.attempt.map((a) => a.outcome), ["unknown"]);
    });

    test("a failure in a transition's second statement leaves the message in its old state", async () => {
      // The history insert is the second statement of retry, cancel, delivery and the send outcome: make it fail.
      const trigger = dialect === "sqlite"
        ? [`CREATE TRIGGER fail_history BEFORE INSERT ON "MessageEvent" BEGIN SELECT RAISE(ABORT, 'history refused'); END`]
        : [`CREATE FUNCTION fail_history() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'history refused'; END $$ LANGUAGE plpgsql`,
           `CREATE TRIGGER fail_history BEFORE INSERT ON "MessageEvent" FOR EACH ROW EXECUTE FUNCTION fail_history()`];
      for (const s of trigger) await t.db.$executeRawUnsafe(s);
      try {
        const cases: [MessageStatus, (m: Message) => Promise<unknown>][] = [
          ["dead_letter", (m) => retryMessage(t, m, { body: "edited" })],
          ["pending", (m) => cancelMessage(t, m)],
          ["sent", (m) => applyStatusReports(t, [{ providerMessageId: m.providerMessageId!, status: "delivered" }])],
          ["processing", (m) => commitSendProgress(t, OWNER, { starts: [], outcomes: [outcome(m.id, "sent")], attempts: [] }, new Date())],
        ];
        for (const [from, run] of cases) {
          const m = await messageIn(from);
          await assert.rejects(run(m), /history refused/);
          const after = await t.db.message.findUniqueOrThrow({ where: { id: m.id } });
          assert.equal(after.status, from, `still ${from}`);
          assert.equal(after.body, m.body);
          assert.equal(after.attempts, m.attempts);
        }
      } finally {
        await t.db.$executeRawUnsafe(`DROP TRIGGER fail_history${dialect === "postgres" ? ` ON "MessageEvent"` : ""}`);
      }
    });
  });
}
