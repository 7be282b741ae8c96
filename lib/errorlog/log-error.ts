// One logError() for everything that goes wrong: provider failures, bad webhook
// signatures, planning failures, worker crashes, unexpected 500s. Writes are buffered
// and flushed in batches; logging never blocks or breaks the path that logs.
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { contextSlot, getContext, getDb } from "../context";
import type { EventBus } from "../events/bus";

import { newId } from "../ids";
import { toErrorEventPayload, writeFolded, type NewEntry } from "./fold";
import { logFor } from "../log";

export const SEVERITIES = ["critical", "error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface ErrorInput {
  service: string; // worker, providers, webhooks, api, followups, alerts
  operation: string; // send, twilio_status, call_webhook, ...
  errorType: string; // provider_auth, invalid_signature, unknown_message, internal, ...
  message: string;
  severity?: Severity;
  clientId?: string | null;
  context?: Record<string, unknown>;
}

/** Severity, decided in one place when the caller does not say. */
export function classifySeverity(input: ErrorInput): Severity {
  if (input.severity) return input.severity;
  if (/^provider_(auth|account|sender)|^provider$|worker_crash|dead_letter_burst/.test(input.errorType)) return "critical";
  if (/signature|unknown_message|validation|rate_limited/.test(input.errorType)) return "warning";
  return "error";
}

export function fingerprintOf(input: Pick<ErrorInput, "service" | "operation" | "errorType" | "clientId">): string {
  return createHash("sha1").update([input.service, input.operation, input.errorType, input.clientId ?? ""].join("|")).digest("hex").slice(0, 16);
}

export interface ErrorLogger {
  log(input: ErrorInput): void;
  flush(): Promise<void>;
}

/**
 * A buffered logger. `windowMs`: how long after its first occurrence an open entry takes
 * repeats (lib/errorlog/fold.ts). `clock` stamps entries (tests pass a fake one).
 */
export function createErrorLogger(
  getDatabase: () => Promise<Db>,
  bus: EventBus,
  opts: { flushMs?: number; maxBuffer?: number; windowMs?: number; clock?: () => Date } = {},
): ErrorLogger {
  let buffer: NewEntry[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();
  const flushMs = opts.flushMs ?? 200;
  const maxBuffer = opts.maxBuffer ?? 5000;
  const clock = opts.clock ?? (() => new Date());

  function toRow(input: ErrorInput): NewEntry {
    return {
      id: newId("err"),
      clientId: input.clientId ?? null,
      service: input.service,
      operation: input.operation,
      errorType: input.errorType,
      severity: classifySeverity(input),
      message: input.message.slice(0, 2000),
      context: safeJson(input.context ?? {}),
      fingerprint: fingerprintOf(input),
      createdAt: clock(),
    };
  }

  // A new entry is announced as logged (or critical); a repeat as `repeated`, carrying its new
  // count, so the console updates the row without treating it as news; alerts count both.
  async function write(rows: NewEntry[]) {
    try {
      const { created, repeated } = await writeFolded(await getDatabase(), rows, { windowMs: opts.windowMs, now: clock() });
      for (const e of created) bus.emit("error", { event: e.severity === "critical" ? "critical" : "logged", payload: toErrorEventPayload(e, e.occurrences) });
      for (const { entry, added } of repeated) bus.emit("error", { event: "repeated", payload: toErrorEventPayload(entry, added) });
    } catch (err) {
      // The error log itself failed: say so on stderr, never throw into the caller.
      logFor("errorlog").error({ err, messages: rows.map((r) => r.message) }, `could not write ${rows.length} entries`);
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const rows = buffer;
    buffer = [];
    if (rows.length) flushing = flushing.then(() => write(rows));
    return flushing;
  }

  return {
    log(input) {
      try {
        if (buffer.length >= maxBuffer) return; // shed load rather than grow without bound
        buffer.push(toRow(input));
        timer ??= setTimeout(() => void flush(), flushMs);
        timer.unref?.();
      } catch (err) {
        logFor("errorlog").error({ err }, "dropped an entry");
      }
    },
    flush,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return "{}";
  }
}

/** The process's logger, kept in the context (shared by server.ts and the bundled route handlers). */
export function getErrorLogger(): ErrorLogger {
  return contextSlot("errorlog:logger", () => createErrorLogger(getDb, getContext().bus));
}

export function logError(input: ErrorInput): void {
  getErrorLogger().log(input);
}
