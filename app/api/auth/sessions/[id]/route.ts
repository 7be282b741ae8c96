import { getDb } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { revokeSession } from "@/lib/auth/sessions";
import { json, withAuth } from "@/lib/http/route";

// DELETE /api/auth/sessions/:id – end one of the signed-in user's sessions (another browser, a lost laptop)
export const DELETE = withAuth<{ id: string }>("read", async ({ params, principal }) => {
  if (principal.kind !== "user") throw new AppError("FORBIDDEN", "sessions belong to console users; an API key has none");
  if (!(await revokeSession(await getDb(), params.id, principal.userId))) throw new AppError("NOT_FOUND", "no live session with this id");
  return json({ ok: true });
});
