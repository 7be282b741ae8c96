// Alert emails go straight through the email provider chain, not through the queue:
// an alert that dead-lettered would raise a dead-letter alert about itself.
import { randomBytes } from "node:crypto";
import type { Provider } from "../providers/types";

export function emailViaChain(chain: Provider[], from: string | undefined) {
  return async (to: string, subject: string, body: string): Promise<void> => {
    let last: unknown = new Error("no email provider configured");
    for (const provider of chain) {
      try {
        await provider.send({ id: `alert_${randomBytes(6).toString("hex")}`, clientId: "herald", channel: "email", to, from, subject, body });
        return;
      } catch (err) {
        last = err;
      }
    }
    throw last;
  };
}
