import { getDb } from "@/lib/db";
import { getBus } from "@/lib/events/bus";
import { json, withAuth } from "@/lib/http/route";
import { acknowledgeError } from "@/lib/errorlog/actions";

// POST /api/errors/:id/acknowledge – someone has seen it and is on it
export const POST = withAuth<{ id: string }>(async ({ params, principal }) => {
  return json(await acknowledgeError(await getDb(), principal, params.id, { bus: getBus() }));
});
