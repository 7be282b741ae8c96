import { json, parseBody, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { consentCreateSchema, consentListQuerySchema, listConsents, recordConsent } from "@/lib/compliance/consent";

// GET /api/consents?clientId=&address=&limit= – consents on record, newest first
export const GET = withAuth("read", async ({ req, principal, db }) => {
  const query = parseQuery(req, consentListQuerySchema);
  return json(await listConsents(db, { ...query, clientId: scopeClientId(principal, query.clientId) }));
});

// POST /api/consents {clientId?, address, channel?, source: call|web_form|api, text, consentedAt?} – record an opt-in
export const POST = withAuth("send", async ({ req, principal, db }) => {
  return json({ consent: await recordConsent(db, principal, await parseBody(req, consentCreateSchema)) }, 201);
});
