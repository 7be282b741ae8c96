// Provider credentials checked at start where the provider offers a cheap check (Twilio:
// fetch the account; SMTP: connect and log in; SendGrid: the key's scopes). In the
// background: a start is never held or stopped by a provider. Each result is one log line
// and shows in /api/health (providers.<name>.status "failing" with lastError) and in
// /api/metrics (herald_provider_credentials_check). A failing check is tried again every
// few minutes, so a provider that was only unreachable at start comes back to ok.
import type { Config } from "../config";
import { contextSlot } from "../context";
import { logFor } from "../log";
import { providerCheckSnapshot } from "../metrics";

export interface ProviderCheck {
  status: "checking" | "ok" | "failing";
  checkedAt: string | null;
  lastError: string | null;
}

interface Checkable {
  name: string;
  check?(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 10_000;
export const RECHECK_MS = 5 * 60_000;

/** Each checked provider's last result, by name (a provider without a check is absent). */
export function providerChecks(): Map<string, ProviderCheck> {
  return contextSlot("ops:provider-checks", () => new Map());
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Checks one provider now and records the result. */
export async function checkProvider(provider: Checkable, timeoutMs = CHECK_TIMEOUT_MS): Promise<ProviderCheck> {
  const results = providerChecks();
  const previous = results.get(provider.name);
  results.set(provider.name, { status: "checking", checkedAt: previous?.checkedAt ?? null, lastError: previous?.lastError ?? null });
  const log = logFor("providers");
  let result: ProviderCheck;
  try {
    await withTimeout(provider.check!(), timeoutMs);
    result = { status: "ok", checkedAt: new Date().toISOString(), lastError: null };
    log.info({ provider: provider.name }, `${provider.name}: credentials checked, ok`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    result = { status: "failing", checkedAt: new Date().toISOString(), lastError: message };
    log.error({ provider: provider.name, code: (err as { code?: unknown }).code ?? null }, `${provider.name}: credential check failed: ${message}`);
  }
  results.set(provider.name, result);
  providerCheckSnapshot().set(provider.name, result.status === "ok" ? "ok" : "failing");
  return result;
}

/** Starts the checks in the background; returns a stop function (clears the re-checks). */
export function startProviderChecks(providers: readonly Checkable[], config: Pick<Config, "PROVIDER_CHECKS">, recheckMs = RECHECK_MS): () => void {
  const timers = new Set<NodeJS.Timeout>();
  const checkable = providers.filter((p) => typeof p.check === "function");
  for (const p of providers) if (!p.check) providerCheckSnapshot().set(p.name, "unchecked");
  if (!config.PROVIDER_CHECKS) {
    for (const p of checkable) providerCheckSnapshot().set(p.name, "unchecked");
    return () => {};
  }
  const run = async (p: Checkable) => {
    const result = await checkProvider(p);
    if (result.status !== "failing") return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void run(p);
    }, recheckMs);
    timer.unref();
    timers.add(timer);
  };
  for (const p of checkable) void run(p);
  return () => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
}
