import { json, withAuth } from "@/lib/http/route";
import { acknowledgeError } from "@/lib/errorlog/actions";

// POST /api/errors/:id/acknowledge – someone has seen it and is on it
export const POST = withAuth<{ id: string }>("resolve_errors", async ({ params, principal, db, bus }) => {
  return json(await acknowledgeError(db, principal, params.id, { bus: bus }));
});
