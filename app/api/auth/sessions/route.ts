import { getDb } from "@/lib/context";
import { assertAdmin } from "@/lib/auth/principal";
import { listLiveSessions } from "@/lib/auth/sessions";
import { json, withAuth } from "@/lib/http/route";

// GET /api/auth/sessions – the owner's live console sessions, most recently used first; `current` marks the caller's
export const GET = withAuth(async ({ principal }) => {
  assertAdmin(principal);
  const current = principal.kind === "admin" && principal.via === "session" ? principal : null;
  const sessions = await listLiveSessions(await getDb(), current?.userId ?? null);
  return json({ sessions: sessions.map((s) => ({ ...s, current: s.id === current?.sessionId })) });
});
