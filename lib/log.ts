// The process's structured log (pino). One line per thing an operator must know about: a
// request that failed, a refused webhook, a dead letter, a provider failure, start and stop.
// Nothing is logged for a success on a hot path. JSON (one object a line) for log shippers;
// on a terminal, readable lines through pino-pretty (pino itself prints JSON only).
// The logger is kept in the context (server.ts and Next's bundled route handlers share it).
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import type { Config } from "./config";
import { contextSlot, getContext } from "./context";

export type { Logger };

export interface LogSettings {
  level: Config["LOG_LEVEL"];
  format: "json" | "pretty";
}

/** LOG_FORMAT, else pretty when stdout is a terminal and JSON when it is not (a supervisor, a pipe, a file). */
export function logSettings(config: Pick<Config, "LOG_LEVEL" | "LOG_FORMAT">, stdoutIsTty = Boolean(process.stdout.isTTY)): LogSettings {
  return { level: config.LOG_LEVEL, format: config.LOG_FORMAT ?? (stdoutIsTty ? "pretty" : "json") };
}

/**
 * A logger writing synchronously to stdout (or `dest`): lines are rare, and a fatal line must
 * be out before process.exit. Pretty output is formatted in this thread (no transport worker).
 */
export function createLogger(settings: LogSettings, dest: NodeJS.WritableStream | number = 1): Logger {
  const options = { level: settings.level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  if (settings.format === "pretty") {
    const stream = pretty({
      destination: dest,
      sync: true,
      singleLine: true,
      colorize: dest === 1 && Boolean(process.stdout.isTTY),
      translateTime: "SYS:HH:MM:ss.l",
      ignore: "pid,hostname",
    });
    return pino(options, stream);
  }
  const destination = typeof dest === "number" ? pino.destination({ dest, sync: true }) : dest;
  // "level":"warn" rather than 40: what a person grepping the log or a shipper's parser expects.
  return pino({ ...options, formatters: { level: (label) => ({ level: label }) } }, destination);
}

/** The process's logger (from the context's configuration on first use). */
export function getLog(): Logger {
  return contextSlot("log", () => createLogger(logSettings(getContext().config)));
}

/** A child logger for one part of Herald ({component: "worker"}, ...). */
export function logFor(component: string): Logger {
  return getLog().child({ component });
}

/** The logger for a start that may fail before the configuration parsed (then: defaults). */
export function startupLog(): Logger {
  try {
    return getLog();
  } catch {
    return createLogger(logSettings({ LOG_LEVEL: "info", LOG_FORMAT: undefined }));
  }
}
