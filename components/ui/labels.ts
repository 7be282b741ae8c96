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
