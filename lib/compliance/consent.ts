// Consent on record: a customer's opt-in to marketing, with where it came from (a call, a
// web form, the API), when, and the words they agreed to. With the client setting
// compliance.marketingRequiresConsent, marketing without one is held or refused (gate-rules.ts).
import { z } from "zod";
import type { Db } from "../db/client";
import { scopeClientId, type Principal } from "../auth/principal";
import { AppError } from "../errors";
import { newId } from "../ids";
import { normalizeAddress } from "../suppressions";

const address = z
  .string()
  .trim()
  .max(320)
  .refine((a) => /^(whatsapp:)?\+[1-9]\d{6,14}$/.test(a) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a), "an E.164 phone number or an email address");

export const CONSENT_SOURCES = ["call", "web_form", "api"] as const;

export const consentCreateSchema = z
  .object({
    clientId: z.string().min(1).max(100).optional(),
    address,
    channel: z.enum(["sms", "whatsapp", "email", "all"]).default("all"),
    source: z.enum(CONSENT_SOURCES),
    text: z.string().trim().min(1, "the words the customer agreed to").max(2000),
    consentedAt: z.coerce.date().optional(),
  })
  .strict();

export const consentListQuerySchema = z.object({
  clientId: z.string().min(1).max(100).optional(),
  address: address.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export async function recordConsent(db: Db, p: Principal, body: z.infer<typeof consentCreateSchema>, now = new Date()) {
  const clientId = scopeClientId(p, body.clientId);
  if (!clientId) throw new AppError("VALIDATION_FAILED", "clientId: required for an admin", [{ path: "clientId", message: "required" }]);
  if (!(await db.client.findUnique({ where: { id: clientId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "client not found");
  const consentedAt = body.consentedAt ?? now;
  if (consentedAt.getTime() > now.getTime() + 60_000) throw new AppError("VALIDATION_FAILED", "consentedAt: in the future", [{ path: "consentedAt", message: "in the future" }]);
  return db.consent.create({
    data: { id: newId("cons"), clientId, address: normalizeAddress(body.address), channel: body.channel, source: body.source, text: body.text, consentedAt },
  });
}

export async function listConsents(db: Db, q: { clientId?: string; address?: string; limit: number }) {
  const items = await db.consent.findMany({
    where: { ...(q.clientId ? { clientId: q.clientId } : {}), ...(q.address ? { address: normalizeAddress(q.address) } : {}) },
    orderBy: [{ consentedAt: "desc" }, { id: "desc" }],
    take: q.limit,
  });
  return { items };
}
