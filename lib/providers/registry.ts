// Builds each channel's ordered failover chain from the configuration.
import type { Config } from "../config";
import type { Channel } from "../queue/statuses";
import { createSandboxProvider } from "./sandbox";
import type { Provider } from "./types";

export type ProviderChains = Record<Channel, Provider[]>;

export function createProviderChains(config: Config): { chains: ProviderChains; providers: Provider[] } {
  const known = new Map<string, Provider>();
  const build = (name: string): Provider => {
    const existing = known.get(name);
    if (existing) return existing;
    let provider: Provider;
    switch (name) {
      case "sandbox":
        provider = createSandboxProvider({ deliveryDelayMs: config.SANDBOX_DELIVERY_MS });
        break;
      default:
        throw new Error(`Unknown provider "${name}" in a *_PROVIDERS chain (known: sandbox)`);
    }
    known.set(name, provider);
    return provider;
  };
  const chainFor = (names: string[] | undefined, channel: Channel) => {
    const chain = (names?.length ? names : ["sandbox"]).map(build);
    for (const p of chain) {
      if (!p.channels.includes(channel)) throw new Error(`Provider "${p.name}" cannot send ${channel}`);
    }
    return chain;
  };
  const chains: ProviderChains = {
    sms: chainFor(config.SMS_PROVIDERS, "sms"),
    whatsapp: chainFor(config.WHATSAPP_PROVIDERS, "whatsapp"),
    email: chainFor(config.EMAIL_PROVIDERS, "email"),
  };
  return { chains, providers: [...known.values()] };
}
