// The retry rule, written once: fixed-interval retries, then dead letter.
import type { ErrorClass } from "../domain/words";

export type { ErrorClass };

export interface FailureInput {
  attempts: number; // passes through the chain so far, including the one that just failed
  maxAttempts: number;
  errorClass: ErrorClass;
  error: string;
  now: Date;
  retryIntervalMs: number;
}

export type FailureDecision =
  | { status: "failed"; nextAttemptAt: Date }
  | { status: "dead_letter"; reason: string };

export function decideAfterFailure(input: FailureInput): FailureDecision {
  if (input.errorClass === "recipient") {
    return { status: "dead_letter", reason: `permanent error: ${input.error}` };
  }
  if (input.attempts >= input.maxAttempts) {
    return { status: "dead_letter", reason: `retries exhausted after ${input.attempts} attempts: ${input.error}` };
  }
  return { status: "failed", nextAttemptAt: new Date(input.now.getTime() + input.retryIntervalMs) };
}
