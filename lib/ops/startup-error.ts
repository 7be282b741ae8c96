// A reason Herald cannot start, said in one line that names the variable to change, and
// the exit that follows it (code 1, no stack trace: the cause is known).
import type { Logger } from "pino";

export class StartupError extends Error {
  constructor(
    message: string,
    /** The environment variable that decides it (PORT, DATABASE_URL, ...). */
    readonly variable?: string,
    /** A short cause for the log and tests (EADDRINUSE, DATABASE_LOCKED, ECONNREFUSED, ...). */
    readonly cause_?: string,
  ) {
    super(message);
    this.name = "StartupError";
  }
}

/** DATABASE_URL as it may be printed: the password replaced. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

/** One line for anything that stopped the start; a StartupError's own words, else the error's first line. */
export function startupFailureLine(err: unknown): { message: string; variable?: string; cause?: string } {
  if (err instanceof StartupError) return { message: err.message, variable: err.variable, cause: err.cause_ };
  const text = err instanceof Error ? err.message : String(err);
  // parseConfig names every bad variable on its own line: keep them all, on one line.
  const [first, ...rest] = text.split("\n").map((l) => l.trim()).filter(Boolean);
  if (first?.startsWith("Invalid configuration")) return { message: `invalid configuration: ${rest.join("; ")}`, cause: "INVALID_CONFIG" };
  return { message: first ?? "unknown error" };
}

/** Logs the one line (fatal) and exits 1. */
export function failStart(log: Logger, err: unknown, what = "cannot start"): never {
  const line = startupFailureLine(err);
  const output = (err as { output?: unknown })?.output; // what prisma migrate printed, when it failed
  log.fatal(
    { ...(line.variable && { variable: line.variable }), ...(line.cause && { cause: line.cause }), ...(typeof output === "string" && { output }) },
    `${what}: ${line.message}`,
  );
  process.exit(1);
}
