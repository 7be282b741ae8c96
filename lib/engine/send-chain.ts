// Send one message through its channel's failover chain. A transient or provider
// error moves on to the next provider; a recipient error stops the chain. When every
// provider only asked us to wait (429 with Retry-After), the result says how long.
import { toError } from "../errors";
import type { AttemptRow } from "../queue/send-progress";
import type { ErrorClass } from "../domain/words";
import type { OutgoingMessage, Provider } from "../providers/types";
import { ProviderError } from "../providers/types";

export type ChainResult =
  | { ok: true; provider: string; providerMessageId: string; costCents: number | undefined; attempts: AttemptRow[] }
  | { ok: false; errorClass: ErrorClass; error: string; code: string | null; provider: string | null; retryAfterMs?: number; attempts: AttemptRow[] };

export async function sendThroughChain(
  message: OutgoingMessage,
  chain: Provider[],
  attemptNumber: number,
  clock: () => Date,
): Promise<ChainResult> {
  const attempts: AttemptRow[] = [];
  let last: { errorClass: ErrorClass; error: string; code: string | null; provider: string | null } = {
    errorClass: "provider",
    error: "no provider configured for this channel",
    code: null,
    provider: null,
  };
  const waits: (number | undefined)[] = [];
  for (const provider of chain) {
    const started = performance.now();
    try {
      const result = await provider.send(message);
      attempts.push({ messageId: message.id, attempt: attemptNumber, provider: provider.name, outcome: "sent", durationMs: performance.now() - started, at: clock() });
      return { ok: true, provider: provider.name, providerMessageId: result.providerMessageId, costCents: result.costCents, attempts };
    } catch (thrown) {
      const err = toError(thrown);
      const errorClass: ErrorClass = err instanceof ProviderError ? err.errorClass : "transient";
      const code = err instanceof ProviderError ? err.code ?? null : null;
      attempts.push({ messageId: message.id, attempt: attemptNumber, provider: provider.name, outcome: "failed", errorClass, errorCode: code, error: err.message, durationMs: performance.now() - started, at: clock() });
      last = { errorClass, error: code ? `${code}: ${err.message}` : err.message, code, provider: provider.name };
      waits.push(err instanceof ProviderError && errorClass === "transient" ? err.retryAfterMs : undefined);
      if (errorClass === "recipient") break;
    }
  }
  const onlyAskedToWait = waits.length > 0 && waits.every((w) => w !== undefined);
  return { ok: false, ...last, ...(onlyAskedToWait && { retryAfterMs: Math.min(...(waits as number[])) }), attempts };
}
