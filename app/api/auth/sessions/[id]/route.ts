import { getDb } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { assertAdmin } from "@/lib/auth/principal";
import { revokeSession } from "@/lib/auth/sessions";
import { json, withAuth } from "@/lib/http/route";

// DELETE /api/auth/sessions/:id – end one of the owner's sessions (another browser, a lost laptop)
export const DELETE = withAuth<{ id: string }>(async ({ params, principal }) => {
  assertAdmin(principal);
  const userId = principal.kind === "admin" && principal.via === "session" ? principal.userId : null;
  if (!(await revokeSession(await getDb(), params.id, userId))) throw new AppError("NOT_FOUND", "no live session with this id");
  return json({ ok: true });
});
