// The message status set, mirrored by Message.status in prisma/models.prisma.
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

export const RETRYABLE_STATUSES: MessageStatus[] = ["failed", "dead_letter"];
export const CANCELLABLE_STATUSES: MessageStatus[] = ["pending", "failed"];
