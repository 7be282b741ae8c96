// Email through the user's own SMTP server (nodemailer). SMTP gives no delivery
// reports: `sent` (the server took the message) is the end state.
import { createTransport } from "nodemailer";
import type { ErrorClass } from "../queue/retry-rule";
import type { OutgoingMessage, Provider, SendResult } from "./types";
import { ProviderError } from "./types";

export interface SmtpOptions {
  /** smtp://user:pass@host:587 or smtps://...; nodemailer options may ride in the query (?pool=true). */
  url: string;
  /** EMAIL_FROM: the sender when the client has no emailFrom. */
  defaultFrom?: string;
  timeoutMs?: number;
}

interface SmtpFailure {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

/** Server replies that mean "your login is wrong" (RFC 4954). */
const AUTH_REPLIES = new Set([530, 534, 535, 538]);
/** Errors that name a configuration or content problem, not a flaky network. */
const PROVIDER_CODES = new Set(["EAUTH", "ETLS", "EREQUIRETLS", "EMESSAGE"]);

export function classifySmtpError(err: SmtpFailure): ErrorClass {
  const reply = err.responseCode;
  if (err.code === "EAUTH" || (reply !== undefined && AUTH_REPLIES.has(reply))) return "provider";
  if (reply !== undefined) {
    if (reply < 500) return "transient";
    // 5xx to RCPT TO: this mailbox does not exist / is not accepted here (550, 551, 553...).
    if (err.command === "RCPT TO") return "recipient";
    // 5xx to MAIL FROM, DATA or the greeting: the sender or the server setup is refused.
    return "provider";
  }
  // Refused before anything was sent: nodemailer could not parse the recipient address.
  if (err.code === "EENVELOPE" && err.command === "API") return "recipient";
  if (err.code && PROVIDER_CODES.has(err.code)) return "provider";
  // ECONNECTION, ESOCKET, ETIMEDOUT, EDNS, EPROTOCOL and anything else from the wire.
  return "transient";
}

export function createSmtpProvider(opts: SmtpOptions): Provider {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const transport = createTransport({
    url: opts.url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 3,
  });

  return {
    name: "smtp",
    channels: ["email"],
    reportsDelivery: false,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const from = message.from || opts.defaultFrom;
      if (!from) throw new ProviderError("provider", "smtp: no sender (set the client's emailFrom or EMAIL_FROM)", "NO_SENDER");
      try {
        const info = await transport.sendMail({ from, to: message.to, subject: message.subject ?? "", text: message.body, headers: message.headers });
        return { providerMessageId: String(info.messageId) };
      } catch (thrown) {
        const err = (thrown ?? {}) as SmtpFailure;
        const code = err.responseCode !== undefined ? String(err.responseCode) : err.originalCode ?? err.code ?? "SMTP_ERROR";
        throw new ProviderError(classifySmtpError(err), `smtp: ${err.message ?? String(thrown)}`, code);
      }
    },
    async check(): Promise<void> {
      try {
        await transport.verify(); // connects, STARTTLS when offered, AUTH when the URL has credentials
      } catch (thrown) {
        const err = (thrown ?? {}) as SmtpFailure;
        const code = err.responseCode !== undefined ? String(err.responseCode) : err.originalCode ?? err.code ?? "SMTP_ERROR";
        throw new ProviderError(classifySmtpError(err), `smtp: ${err.message ?? String(thrown)}`, code);
      }
    },
    async close() {
      transport.close();
    },
  };
}
