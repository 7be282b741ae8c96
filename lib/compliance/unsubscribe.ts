// The one-click unsubscribe endpoint's work (RFC 8058): a POST to the signed link suppresses
// the address for email at once, without a login; a GET only shows a small page that asks
// (link scanners follow GETs, so a GET changes nothing).
import type { Db } from "../db/client";
import { addSuppression } from "../suppressions";
import { readUnsubscribeToken } from "./unsubscribe-link";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

async function target(db: Db, token: string) {
  const named = readUnsubscribeToken(token);
  if (!named) return null;
  const client = await db.client.findUnique({ where: { id: named.clientId }, select: { id: true, name: true } });
  return client ? { client, address: named.address } : null;
}

/** A browser gets a page; anything else API.md's error body. */
const invalid = (req: Request) =>
  /text\/html/.test(req.headers.get("accept") ?? "")
    ? page("Link not valid", "<p>This unsubscribe link is not valid. Reply to the email and ask to be removed.</p>", 404)
    : Response.json({ error: { code: "NOT_FOUND", message: "unsubscribe link not valid" } }, { status: 404 });

export async function unsubscribePage(db: Db, req: Request, token: string): Promise<Response> {
  const t = await target(db, token);
  if (!t) return invalid(req);
  return page(
    `Unsubscribe from ${t.client.name}?`,
    `<p>${escape(t.address)} will get no more marketing email from ${escape(t.client.name)}.</p>` +
      `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
  );
}

export async function unsubscribeNow(db: Db, req: Request, token: string): Promise<Response> {
  const t = await target(db, token);
  if (!t) return invalid(req);
  await addSuppression(db, { clientId: t.client.id, address: t.address, channel: "email", scope: "marketing", reason: "one-click unsubscribe", actor: "unsubscribe link" });
  return page("You're unsubscribed", `<p>${escape(t.address)} will get no more marketing email from ${escape(t.client.name)}.</p>`);
}
