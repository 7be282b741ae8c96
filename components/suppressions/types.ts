// The /api/suppressions answer as the console reads it.
export interface SuppressionChange {
  id: string;
  clientId: string;
  address: string;
  channel: string;
  action: "added" | "updated" | "lifted";
  actor: string;
  reason: string;
  createdAt: string;
}

export interface ApiSuppression {
  id: string;
  clientId: string;
  address: string;
  channel: string;
  scope: "all" | "marketing";
  reason: string;
  createdAt: string;
  lastChange: SuppressionChange | null;
}

export interface SuppressionList {
  items: ApiSuppression[];
  total: number;
  history: SuppressionChange[];
}

export const CHANNEL_LABELS: Record<string, string> = { all: "Every channel", sms: "SMS", whatsapp: "WhatsApp", email: "Email" };

/** One audit line: "Added by admin (console): asked by phone". */
export function changeLine(c: SuppressionChange): string {
  const verb = c.action === "lifted" ? "Lifted" : c.action === "updated" ? "Updated" : "Added";
  return `${verb} by ${c.actor}: ${c.reason}`;
}
