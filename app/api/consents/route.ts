import { json, parseBody, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { consentCreateSchema, consentListQuerySchema, listConsents, recordConsent } from "@/lib/compliance/consent";
import { auditIfUser } from "@/lib/audit/action";

// GET /api/consents?clientId=&address=&limit= – consents on record, newest first
export const GET = withAuth("read", async ({ req, principal, db }) => {
  const query = parseQuery(req, consentListQuerySchema);
  return json(await listConsents(db, { ...query, clientId: scopeClientId(principal, query.clientId) }));
});

// POST /api/consents {clientId?, address, channel?, source: call|web_form|api, text, consentedAt?} – record an opt-in
export const POST = withAuth("send", async ({ req, principal, db }) => {
  const consent = await recordConsent(db, principal, await parseBody(req, consentCreateSchema));
  // A consent a person records in the console is audited; one an integration posts with its key is not.
  await auditIfUser(db, principal, req, { action: "consent.record", target: { kind: "consent", id: consent.id }, clientId: consent.clientId, changes: { address: [null, consent.address], source: [null, consent.source] } });
  return json({ consent }, 201);
});
