import { assertConsoleUser } from "@/lib/auth/principal";
import { listLiveSessions, revokeUserSessions } from "@/lib/auth/sessions";
import { json, withAuth } from "@/lib/http/route";

// GET /api/auth/sessions – the signed-in user's live console sessions, most recently used first; `current` marks this one
export const GET = withAuth("read", async ({ db, principal }) => {
  assertConsoleUser(principal);
  const sessions = await listLiveSessions(db, principal.userId);
  return json({ sessions: sessions.map((s) => ({ ...s, current: s.id === principal.sessionId })) });
});

// DELETE /api/auth/sessions – sign out everywhere else: every other session of this user ends, this one stays
export const DELETE = withAuth("read", async ({ db, principal }) => {
  assertConsoleUser(principal);
  return json({ revoked: await revokeUserSessions(db, principal.userId, principal.sessionId) });
});
