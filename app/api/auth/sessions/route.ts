import { getDb } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { listLiveSessions } from "@/lib/auth/sessions";
import { json, withAuth } from "@/lib/http/route";

// GET /api/auth/sessions – the signed-in user's live console sessions, most recently used first; `current` marks this one
export const GET = withAuth("read", async ({ principal }) => {
  if (principal.kind !== "user") throw new AppError("FORBIDDEN", "sessions belong to console users; an API key has none");
  const sessions = await listLiveSessions(await getDb(), principal.userId);
  return json({ sessions: sessions.map((s) => ({ ...s, current: s.id === principal.sessionId })) });
});
