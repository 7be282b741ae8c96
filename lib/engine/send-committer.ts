// Group commit for the worker's send progress: each send's start and outcome is written as
// soon as it happens, and what arrives while a write is in flight goes into the next one.
// So a crash can leave at most the sends really in flight (one per runner) unknown, never a
// whole batch, and a transaction still carries many sends under load.
import type { Database } from "../db/client";
import { commitSendProgress, type AttemptRow, type Outcome, type SendStart } from "../queue/send-progress";

interface Waiting {
  start?: SendStart;
  outcome?: { outcome: Outcome; attempts: AttemptRow[] };
  resolve: (applied: boolean) => void;
  reject: (err: unknown) => void;
}

export function createSendCommitter(database: Database, owner: string, clock: () => Date) {
  let waiting: Waiting[] = [];
  let writing = false;

  async function drain() {
    writing = true;
    try {
      while (waiting.length) {
        await new Promise((resolve) => setImmediate(resolve));
        const batch = waiting;
        waiting = [];
        const starts = batch.flatMap((w) => (w.start ? [w.start] : []));
        const outcomes = batch.flatMap((w) => (w.outcome ? [w.outcome.outcome] : []));
        const attempts = batch.flatMap((w) => w.outcome?.attempts ?? []);
        try {
          const { recorded, started } = await commitSendProgress(database, owner, { starts, outcomes, attempts }, clock());
          for (const w of batch) w.resolve(w.start ? started.has(w.start.id) : recorded.has(w.outcome!.outcome.id));
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      writing = false;
    }
  }

  function submit(entry: Omit<Waiting, "resolve" | "reject">): Promise<boolean> {
    return new Promise((resolve, reject) => {
      waiting.push({ ...entry, resolve, reject });
      if (!writing) void drain();
    });
  }

  return {
    /** Records that a send is about to start; false: the lease was lost, do not send. */
    start: (start: SendStart) => submit({ start }),
    /** Records a send's outcome; false: the lease was lost and someone else owns the message now. */
    finish: (outcome: Outcome, attempts: AttemptRow[]) => submit({ outcome: { outcome, attempts } }),
  };
}
export type SendCommitter = ReturnType<typeof createSendCommitter>;
