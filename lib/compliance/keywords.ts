// STOP / START / HELP on an inbound SMS or WhatsApp message (CTIA): STOP (and the other
// opt-out words) suppresses the number for this client and channel and queues the one
// confirmation the carriers require; a STOP while already suppressed queues nothing.
// START lifts it with a confirmation; HELP answers with the business name, a contact and
// how to stop. When the client leaves these replies to the provider (Twilio's Advanced
// Opt-Out answers them itself), Herald records the change and sends nothing.
// Replies go through the queue (enqueue), never straight to a provider.
import type { Database } from "../db/client";
import type { Client } from "../generated/sqlite/client";
import type { EventBus } from "../events/bus";
import { enqueueMessage } from "../queue/enqueue";
import { publish } from "../queue/publish";
import { addSuppression, isSuppressed, removeSuppression } from "../suppressions";
import { complianceOf } from "./settings";

export const OPT_OUT_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]);
export const OPT_IN_WORDS = new Set(["START", "UNSTOP", "YES", "OPTIN"]);
export const HELP_WORDS = new Set(["HELP", "INFO"]);

export type Keyword = "stop" | "start" | "help";

export function keywordOf(body: string): { keyword: Keyword; word: string } | null {
  const word = body.trim().replace(/[.!]+$/, "").replace(/\s+/g, "").toUpperCase();
  if (OPT_OUT_WORDS.has(word)) return { keyword: "stop", word };
  if (OPT_IN_WORDS.has(word)) return { keyword: "start", word };
  if (HELP_WORDS.has(word)) return { keyword: "help", word };
  return null;
}

export interface InboundKeyword {
  client: Client;
  channel: "sms" | "whatsapp";
  /** The sender as Twilio gave it (whatsapp:+… on WhatsApp): replies go back to it. */
  replyTo: string;
  from: string;
  body: string;
  providerMessageId: string;
  conversationId?: string;
  maxAttempts: number;
  now: Date;
}

/** Acts on an opt-out / opt-in / help word; null when the body is none. */
export async function handleKeyword(database: Database, bus: EventBus, m: InboundKeyword): Promise<Keyword | null> {
  const found = keywordOf(m.body);
  if (!found) return null;
  const { db } = database;
  const settings = complianceOf(m.client);
  let reply: { text: string; kind: string } | null = null;
  if (found.keyword === "stop") {
    const added = await addSuppression(db, { clientId: m.client.id, address: m.from, channel: m.channel, reason: `replied ${found.word}`, actor: "customer" });
    if (added) reply = { text: settings.stopText, kind: "opt_out_confirmation" };
  } else if (found.keyword === "start") {
    // Only a number that was opted out is answered: YES in a conversation is not a re-subscription to confirm.
    if (await isSuppressed(db, m.client.id, m.from, m.channel)) {
      await removeSuppression(db, m.client.id, m.from, { channel: m.channel, actor: "customer", reason: `replied ${found.word}` });
      reply = { text: settings.startText, kind: "opt_in_confirmation" };
    } else if (found.word === "START" || found.word === "UNSTOP") {
      reply = { text: settings.startText, kind: "opt_in_confirmation" };
    }
  } else {
    reply = { text: settings.helpText, kind: "help_reply" };
  }
  if (reply && !settings.providerHandlesOptOut) {
    const { transitions } = await enqueueMessage(
      database,
      { clientId: m.client.id, channel: m.channel, to: m.replyTo, body: reply.text, category: "transactional", kind: reply.kind },
      { maxAttempts: m.maxAttempts, idempotencyKey: `${found.keyword}:${m.providerMessageId}`, conversationId: m.conversationId, now: m.now },
    );
    publish(bus, transitions);
  }
  return found.keyword;
}
