// Herald's shared domain words, below every other layer: the message statuses (mirrored
// by Message.status in prisma/models.prisma), channels, categories and error classes.
// Which status may follow which is the queue's transition table (lib/queue/transitions.ts).
export const MESSAGE_STATUSES = [
  "pending",
  "processing",
  "sent",
  "delivered",
  "read",
  "failed",
  "dead_letter",
  "cancelled",
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const CHANNELS = ["sms", "email", "whatsapp"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CATEGORIES = ["transactional", "marketing"] as const;
export type Category = (typeof CATEGORIES)[number];

/** How a provider failure is classified, once, in the provider's own file. */
export const ERROR_CLASSES = ["transient", "provider", "recipient"] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** What one provider call came to; `unknown`: the worker stopped while the call was in flight. */
export const ATTEMPT_OUTCOMES = ["sent", "failed", "unknown"] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];
