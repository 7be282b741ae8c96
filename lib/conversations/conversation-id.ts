// A conversation is one customer on one channel of one client; its id is derived from
// those three, so every message in it, inbound and outbound, carries the same id.
import { createHash } from "node:crypto";
import { conversationAddress } from "./upsert-sql";

export function conversationIdFor(clientId: string, channel: string, customerAddress: string): string {
  const address = conversationAddress(customerAddress);
  return `conv_${createHash("sha256").update(`${clientId}|${channel}|${address}`).digest("hex").slice(0, 24)}`;
}
