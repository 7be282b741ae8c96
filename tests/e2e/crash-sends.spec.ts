// Crash tests with real parts: server.ts (the production build, its real provider registry
// and worker, as deployed) sends 2,000 SMS through the generic HTTP gateway (a local double
// answering in 20–50 ms, WORKER_CONCURRENCY=10) and is interrupted after ~500 sends: SIGKILL
// and a restart on the same database (SQLite, PostgreSQL), or every PostgreSQL backend of
// its database terminated. Afterwards every message must be in one end state; at most
// WORKER_CONCURRENCY messages (the sends in flight) may have reached the gateway twice, each
// flagged possibleDuplicate with an attempt of outcome "unknown"; and every send carries an
// `Idempotency-Key` header, one per message, the same on the resend, so that the gateway
// can drop the second copy.
// Why e2e rather than a worker-only integration test: the wiring under test (provider chain
// from the environment, worker options, whatever server.ts starts the worker in) is
// server.ts's, and `npm run test:e2e` builds .next first, so GET /api/messages/:id is current.
import { expect, test } from "@playwright/test";
import { runCrashScenario, type CrashResult, type CrashSettings } from "../helpers/crash-scenario";
import { E2E_PORT } from "./herald-process";

function summary(r: CrashResult): string {
  return `${r.dialect}, ${r.interruption} after ${r.sendsAtInterruption} sends: statuses ${JSON.stringify(r.byStatus)}; ` +
    `sent once ${r.sentOnce}, twice or more ${r.sentTwice} (3+: ${r.sentThreeTimesOrMore}), flagged ${r.flagged}, with an "unknown" attempt ${r.withUnknownAttempt}`;
}

function expectCrashSafe(r: CrashResult) {
  console.log(`  ${summary(r)}`);
  const context = `${summary(r)}\nserver log (last lines):\n${r.serverLog.slice(-15).join("\n")}`;
  expect(r.error, context).toBeUndefined();
  expect.soft(r.enqueued, "messages accepted by POST /api/messages/batch").toBe(2000);
  expect.soft(r.missing, "enqueued messages the database no longer has").toBe(0);
  expect.soft(r.notEnded, `messages not in sent/delivered/dead_letter after the restart: ${JSON.stringify(r.byStatus)}`).toBe(0);
  expect.soft(r.sentButNeverReceived, "messages marked sent that the gateway never received").toBe(0);
  expect.soft(r.sentTwice, `messages the gateway received more than once (at most WORKER_CONCURRENCY=${r.concurrency}, the sends in flight)`).toBeLessThanOrEqual(r.concurrency);
  expect.soft(r.flagged, `messages sent twice that GET /api/messages/:id shows with possibleDuplicate: true (of ${r.sentTwice}); e.g.\n${r.duplicateExamples.join("\n")}`).toBe(r.sentTwice);
  expect.soft(r.withUnknownAttempt, `messages sent twice with an attemptLog entry of outcome "unknown" (of ${r.sentTwice}); e.g.\n${r.duplicateExamples.join("\n")}`).toBe(r.sentTwice);
  expect.soft(r.sendsWithoutKey, "sends that reached the gateway without an Idempotency-Key header").toBe(0);
  expect.soft(r.unstableKeys, "messages whose resend carried another Idempotency-Key than the first send").toBe(0);
  expect.soft(r.sharedKeys, "Idempotency-Key values used by more than one message").toBe(0);
  expect.soft(r.healthyAfter, `GET /api/health answers 200 afterwards (server running: ${r.serverSurvived})`).toBe(true);
}

const scenarios: (Omit<CrashSettings, "port"> & { title: string; offset: number })[] = [
  { title: "SQLite: SIGKILL mid-run, restart on the same file", dialect: "sqlite", interruption: "kill", offset: 42 },
  { title: "PostgreSQL: SIGKILL mid-run, restart on the same database", dialect: "postgres", interruption: "kill", offset: 43 },
  { title: "PostgreSQL: the database's backends terminated mid-run, no restart", dialect: "postgres", interruption: "terminate-backends", offset: 44 },
];

for (const s of scenarios) {
  test(`${s.title}: every message ends once, at most WORKER_CONCURRENCY sent twice, each flagged, one stable Idempotency-Key per message`, async () => {
    test.setTimeout(360_000); // every step has its own deadline well inside this
    expectCrashSafe(await runCrashScenario({ ...s, port: E2E_PORT + s.offset, say: console.log }));
  });
}
