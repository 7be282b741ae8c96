import { readRawBody, route } from "@/lib/http/route";
import { unsubscribeNow, unsubscribePage } from "@/lib/compliance/unsubscribe";

// GET /api/unsubscribe/:token – a small page asking to confirm (changes nothing)
export const GET = route<{ token: string }>(async ({ req, params, db }) => unsubscribePage(db, req, params.token));

// POST /api/unsubscribe/:token – one-click unsubscribe (RFC 8058), no login: suppresses the address for email
export const POST = route<{ token: string }>(async ({ req, params, db }) => {
  await readRawBody(req); // "List-Unsubscribe=One-Click" (or the page's form); bounded like any body
  return unsubscribeNow(db, req, params.token);
});
