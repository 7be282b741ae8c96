// The sandbox provider sends nothing: it accepts a message, and a moment later
// reports it delivered (and read, for WhatsApp), so a fresh install shows the
// whole flow. Recipients ending in 0001 fail permanently, 0002 transiently.
import { randomBytes } from "node:crypto";
import type { StatusReport } from "../queue/delivery";
import type { OutgoingMessage, Provider, SendResult } from "./types";
import { ProviderError } from "./types";

export interface SandboxOptions {
  deliveryDelayMs: number;
}

export function createSandboxProvider(opts: SandboxOptions): Provider {
  let sink: ((reports: StatusReport[]) => void) | undefined;
  let pending: StatusReport[] = [];
  let timer: NodeJS.Timeout | undefined;

  // Reports are flushed together so a burst of sends costs one status write, not one each.
  function report(r: StatusReport, delayMs: number) {
    setTimeout(() => {
      pending.push(r);
      timer ??= setTimeout(() => {
        const batch = pending;
        pending = [];
        timer = undefined;
        sink?.(batch);
      }, 50);
    }, delayMs).unref();
  }

  return {
    name: "sandbox",
    channels: ["sms", "email", "whatsapp"],
    reportsDelivery: true,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const digits = message.to.replace(/\D/g, "");
      const local = message.channel === "email" ? message.to.split("@")[0]! : digits;
      if (local.endsWith("0001")) throw new ProviderError("recipient", "sandbox: recipient rejected (ends in 0001)", "SANDBOX_PERMANENT");
      if (local.endsWith("0002")) throw new ProviderError("transient", "sandbox: temporary failure (ends in 0002)", "SANDBOX_TRANSIENT");
      const providerMessageId = `SB${randomBytes(12).toString("hex")}`;
      report({ providerMessageId, status: "delivered" }, opts.deliveryDelayMs);
      if (message.channel === "whatsapp") report({ providerMessageId, status: "read" }, opts.deliveryDelayMs * 2);
      return { providerMessageId, costCents: 0 };
    },
    onStatus(fn) {
      sink = fn;
    },
  };
}
