// The one provider interface. Every provider classifies its own errors into a
// ProviderError with an error class, once, in its own file.
import type { Channel } from "../domain/words";
import type { ErrorClass } from "../queue/retry-rule";
import type { StatusReport } from "../queue/delivery";

export interface OutgoingMessage {
  id: string;
  clientId: string;
  channel: Channel;
  to: string;
  from?: string | null;
  subject?: string | null;
  body: string;
  /** Extra email headers (List-Unsubscribe on marketing mail); SMS providers ignore them. */
  headers?: Record<string, string>;
  /** Pictures or files to attach (MMS, WhatsApp media): public http(s) URLs the provider fetches. */
  mediaUrls?: string[];
  /**
   * An approved WhatsApp template instead of free text (outside WhatsApp's 24-hour window
   * only a template may be sent): Twilio's ContentSid and its numbered variables, rendered.
   */
  whatsappTemplate?: { contentSid: string; contentVariables: Record<string, string> };
}

export interface SendResult {
  providerMessageId: string;
  costCents?: number;
}

export interface Provider {
  readonly name: string;
  readonly channels: readonly Channel[];
  /** Whether the provider later reports delivery; without it, `sent` is the end state. */
  readonly reportsDelivery: boolean;
  send(message: OutgoingMessage): Promise<SendResult>;
  /** Providers that report delivery in-process (the sandbox) call this sink. */
  onStatus?(sink: (reports: StatusReport[]) => void): void;
  close?(): Promise<void>;
  /**
   * A cheap credential check at start (Twilio: fetch the account; SMTP: connect and log in;
   * SendGrid: the key's scopes). Resolves when the provider would take a send, else throws
   * with the reason. Sends nothing.
   */
  check?(): Promise<void>;
}

export class ProviderError extends Error {
  constructor(
    readonly errorClass: ErrorClass,
    message: string,
    readonly code?: string,
    /** A 429 with Retry-After: reschedule after this long without spending an attempt. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}
