// Builders shared by the integration tests: a client, a fake clock, a recording provider.
import type { Db, Database } from "../../lib/db/client";
import { createClient } from "../../lib/clients/clients";
import { EventBus } from "../../lib/events/bus";
import { getContext, type Services } from "../../lib/context";
import { createWorker, type WorkerOptions } from "../../lib/engine/worker";
import type { ProviderChains } from "../../lib/providers/registry";
import type { OutgoingMessage, Provider } from "../../lib/providers/types";
import { ProviderError } from "../../lib/providers/types";
import type { ErrorClass } from "../../lib/queue/retry-rule";

export async function makeClient(db: Db, overrides: Partial<Parameters<typeof createClient>[1]> = {}) {
  return createClient(db, { name: "Bright Smile Dental", timezone: "America/New_York", smsFrom: "+15550001111", ...overrides });
}

export class FakeClock {
  constructor(public current = new Date("2026-03-02T15:00:00.000Z")) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A provider that records what it was asked to send and fails as told. */
export function createRecordingProvider(name = "fake", failWith?: (m: OutgoingMessage) => ErrorClass | null) {
  const sent: OutgoingMessage[] = [];
  let n = 0;
  const provider: Provider = {
    name,
    channels: ["sms", "email", "whatsapp"],
    reportsDelivery: false,
    async send(m) {
      const failure = failWith?.(m);
      if (failure) throw new ProviderError(failure, `${name}: ${failure} failure`, failure.toUpperCase());
      sent.push(m);
      return { providerMessageId: `${name}-${++n}`, costCents: 1 };
    },
  };
  return { provider, sent };
}

export function chainsOf(...providers: Provider[]): ProviderChains {
  return { sms: providers, email: providers, whatsapp: providers };
}

export function makeWorker(database: Database, providers: Provider[], clock: FakeClock, options: Partial<WorkerOptions> = {}) {
  const bus = new EventBus();
  const events: { event: string; messageId: string; status: string }[] = [];
  bus.on("message", ({ event, payload }) => events.push({ event, messageId: payload.messageId, status: payload.status }));
  const worker = createWorker({
    database,
    chains: chainsOf(...providers),
    providers,
    bus,
    clock: clock.now,
    options: { intervalMs: 50, batchSize: 50, concurrency: 5, leaseMs: 30_000, retryIntervalMs: 60_000, ...options },
  });
  return { worker, events, bus };
}

/** The services a use case takes (lib/context.ts), on a test's database with the process's bus and configuration. */
export function servicesFor(database: Database, bus: EventBus = getContext().bus): Services {
  return { database, bus, config: getContext().config };
}
