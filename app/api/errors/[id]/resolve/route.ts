import { json, parseBody, withAuth } from "@/lib/http/route";
import { resolveError } from "@/lib/errorlog/actions";
import { resolveBodySchema } from "@/lib/errorlog/schemas";

// POST /api/errors/:id/resolve – mark it fixed (`{similar: true}`: every open entry like it too)
export const POST = withAuth<{ id: string }>("resolve_errors", async ({ req, params, principal, db, bus }) => {
  const body = await parseBody(req, resolveBodySchema, { optional: true });
  return json(await resolveError(db, principal, params.id, { bus: bus, similar: body.similar }));
});
