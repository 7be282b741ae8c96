// A provider's word on a sent message (Twilio status callback, SendGrid event, the sandbox).
export interface StatusReport {
  providerMessageId: string;
  status: "delivered" | "read" | "undelivered";
  errorCode?: string | null;
  error?: string | null;
  costCents?: number | null;
  at?: Date;
}
