// The client (tenant) shape the console reads from GET /api/clients (lib/clients/clients.ts toApiClient).
// Declared here rather than imported from lib/ so the browser bundle never reaches server code;
// the zod schemas (lib/schemas/client.ts) are browser-safe and imported where forms validate.
import type { BusinessHours } from "@/lib/schemas/client";

export interface TemplateDraft {
  subject?: string;
  body: string;
}

export interface ClientSettings {
  templates?: Record<string, TemplateDraft>;
  followUps?: unknown;
  locale?: string;
  customVariables?: string[];
  pricesCents?: Partial<Record<"sms" | "whatsapp" | "email", number>>;
}

export interface ApiClient {
  id: string;
  name: string;
  timezone: string;
  businessHours: BusinessHours;
  smsFrom: string | null;
  whatsappFrom: string | null;
  emailFrom: string | null;
  agentIds: string[];
  phoneNumbers: string[];
  settings: ClientSettings;
  apiKeyPrefix: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/clients and POST /api/clients/:id/rotate-key: the key is in this answer only. */
export interface ClientWithKey {
  client: ApiClient;
  apiKey: string;
}

/** "a, b,, c" → ["a", "b", "c"]; also splits on new lines, for lists typed one per line. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
