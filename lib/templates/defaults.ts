// The follow-up templates Herald ships; a client overrides any of them in its settings.
// `[[ … ]]` parts are left out when their variable is unknown (lib/templates/render.ts).
export const FOLLOW_UP_KINDS = ["confirmation", "reminder_24h", "reminder_1h", "nurture_day1", "nurture_day4", "missed_call"] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** Variables every template may use; custom analysis fields may be added per client. */
export const KNOWN_VARIABLES = ["customerName", "businessName", "appointmentTime", "bookingLink", "customerEmail", "customerPhone"];

export interface TemplateText {
  subject?: string;
  body: string;
}

export const DEFAULT_TEMPLATES: Record<string, TemplateText> = {
  "confirmation.sms": { body: "Hi[[ {{customerName}}]], your appointment with {{businessName}} is confirmed for {{appointmentTime}}. Reply STOP to opt out." },
  "confirmation.email": {
    subject: "Your appointment with {{businessName}} is confirmed",
    body: "Hi[[ {{customerName}}]],\n\nThank you for calling {{businessName}}. Your appointment is confirmed for {{appointmentTime}}.\n\nSee you soon,\n{{businessName}}",
  },
  "confirmation.whatsapp": { body: "Hi[[ {{customerName}}]], your appointment with {{businessName}} is confirmed for {{appointmentTime}}." },
  "reminder_24h.sms": { body: "Reminder: your appointment with {{businessName}} is tomorrow, {{appointmentTime}}. Reply STOP to opt out." },
  "reminder.sms": { body: "Reminder: your appointment with {{businessName}} is on {{appointmentTime}}. Reply STOP to opt out." },
  "reminder_1h.sms": { body: "Reminder: your appointment with {{businessName}} is in one hour ({{appointmentTime}})." },
  "nurture_day1.sms": { body: "Hi[[ {{customerName}}]], thanks for calling {{businessName}} yesterday. Ready to book? Reply to this message[[ or book at {{bookingLink}}]]. Reply STOP to opt out." },
  "nurture_day4.email": {
    subject: "Still thinking it over[[, {{customerName}}]]?",
    body: "Hi[[ {{customerName}}]],\n\nYou called {{businessName}} a few days ago. Whenever you are ready, reply to this email[[ or book here: {{bookingLink}}]].\n\n{{businessName}}",
  },
  // WhatsApp texts: no "Reply STOP" line (WhatsApp has its own block and mute).
  "reminder.whatsapp": { body: "Reminder: your appointment with {{businessName}} is on {{appointmentTime}}." },
  "reminder_24h.whatsapp": { body: "Reminder: your appointment with {{businessName}} is tomorrow, {{appointmentTime}}." },
  "reminder_1h.whatsapp": { body: "Reminder: your appointment with {{businessName}} is in one hour ({{appointmentTime}})." },
  "nurture_day1.whatsapp": { body: "Hi[[ {{customerName}}]], thanks for calling {{businessName}} yesterday. Ready to book? Reply to this message[[ or book at {{bookingLink}}]]." },
  "missed_call.whatsapp": { body: "Sorry we missed you[[, {{customerName}}]]! {{businessName}} will be happy to help: call us back[[ or book at {{bookingLink}}]]." },
  "missed_call.sms": { body: "Sorry we missed you[[, {{customerName}}]]! {{businessName}} will be happy to help: call us back[[ or book at {{bookingLink}}]]. Reply STOP to opt out." },
};

/** The template for a kind and channel: the client's own, else Herald's default. */
export function findTemplate(kind: string, channel: string, overrides: Record<string, TemplateText> = {}): TemplateText | undefined {
  const keys = [`${kind}.${channel}`, ...(kind.startsWith("reminder_") ? [`reminder.${channel}`] : [])];
  for (const key of keys) {
    const t = overrides[key] ?? DEFAULT_TEMPLATES[key];
    if (t) return t;
  }
  return undefined;
}
