// Words for the server's codes, as the console shows them on every page.

export const CHANNEL_LABELS: Record<string, string> = { sms: "SMS", whatsapp: "WhatsApp", email: "Email" };

/** A channel as people write it, or the code itself when it is not one we know. */
export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? channel;
}

/** "dial_no_answer" → "dial no answer". */
export function humanize(value: string): string {
  return value.replace(/_/g, " ");
}

const KIND_LABELS: Record<string, string> = {
  confirmation: "Confirmation",
  reminder: "Reminder",
  reminder_24h: "Reminder 24 h",
  reminder_1h: "Reminder 1 h",
  nurture_day1: "Nurture day 1",
  nurture_day4: "Nurture day 4",
  missed_call: "Missed call",
};

/** A follow-up kind as people say it: "reminder_24h" → "Reminder 24 h". */
export function kindLabel(kind: string | null | undefined): string {
  if (!kind) return "Message";
  const text = KIND_LABELS[kind] ?? humanize(kind);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const STATUS_LABELS: Record<string, string> = {
  pending: "Pending",
  processing: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  failed: "Failed, will retry",
  dead_letter: "Dead letter",
  cancelled: "Cancelled",
};

/** What each status means, for a badge's tooltip. */
export const STATUS_MEANINGS: Record<string, string> = {
  pending: "Waiting for its time, or due and about to go",
  processing: "Being handed to a provider now",
  sent: "A provider accepted it; no delivery report yet",
  delivered: "The provider reported it delivered",
  read: "The recipient opened it",
  failed: "An attempt failed; another is planned",
  dead_letter: "No automatic attempt is left: retries ran out, the error was permanent, or the provider could not deliver it",
  cancelled: "Cancelled before it went",
};

/** A message status (or an activity-feed event name) as people say it: "dead_letter" → "Dead letter". */
export function statusLabel(status: string): string {
  const text = STATUS_LABELS[status] ?? humanize(status);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const REASONS: Record<string, string> = {
  opted_out: "The recipient opted out (STOP); nothing more is sent to them",
};

/** A provider's error code ahead of its text ("SANDBOX_PERMANENT: …"): the attempt log shows codes, a reason need not. */
const CODE_PREFIX = /(^|: )[A-Z][A-Z0-9_]{2,}: /g;

/** A dead-letter reason or last error as an operator reads it; reason codes get a sentence, provider codes are left to the attempt log. */
export function problemText(text: string): string {
  if (REASONS[text]) return REASONS[text];
  const plain = text.replace(CODE_PREFIX, "$1");
  const permanent = /^permanent error: (.*)$/s.exec(plain);
  if (permanent) return `Not retried, it would fail again: ${permanent[1]}`;
  const exhausted = /^retries exhausted after (\d+) attempts: (.*)$/s.exec(plain);
  if (exhausted) return `Gave up after ${exhausted[1]} attempts: ${exhausted[2]}`;
  return plain;
}

/** A failure class as people say it: temporary (network, rate limit), the provider (account, configuration), the recipient (bad number, opted out). */
export const ERROR_CLASS_LABELS: Record<string, string> = {
  transient: "Temporary errors",
  provider: "Provider errors",
  recipient: "Recipient errors",
};

// The call platform's reasons a call ended (Retell's disconnection_reason), as an operator says them.
const HANG_UP_LABELS: Record<string, string> = {
  user_hangup: "Caller hung up",
  agent_hangup: "Agent ended the call",
  call_transfer: "Transferred",
  voicemail_reached: "Reached voicemail",
  inactivity: "Ended after silence",
  max_duration_reached: "Hit the time limit",
  concurrency_limit_reached: "Too many calls at once",
  no_valid_payment: "Call platform billing problem",
  scam_detected: "Flagged as scam",
  dial_busy: "Line busy",
  dial_failed: "Call did not connect",
  dial_no_answer: "No answer",
  registered_call_timeout: "Never connected",
};

/** Why a call ended: "user_hangup" → "Caller hung up"; an unknown reason (or "error_…") in plain words. */
export function hangUpLabel(reason: string): string {
  const known = HANG_UP_LABELS[reason];
  if (known) return known;
  if (reason.startsWith("error")) return `Error on the call platform (${humanize(reason.replace(/^error_?/, "")) || "unknown"})`;
  const text = humanize(reason);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
