import { AppError } from "@/lib/errors";
import { assertConsoleUser } from "@/lib/auth/principal";
import { revokeSession } from "@/lib/auth/sessions";
import { json, withAuth } from "@/lib/http/route";

// DELETE /api/auth/sessions/:id – end one of the signed-in user's sessions (another browser, a lost laptop)
export const DELETE = withAuth<{ id: string }>("read", async ({ db, params, principal }) => {
  assertConsoleUser(principal);
  if (!(await revokeSession(db, params.id, principal.userId))) throw new AppError("NOT_FOUND", "no live session with this id");
  return json({ ok: true });
});
