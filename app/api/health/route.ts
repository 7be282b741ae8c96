import { json, route } from "@/lib/http/route";
import { healthReport, isDeep } from "@/lib/http/health";

// GET /api/health – liveness with the database, worker and provider state; 503 when the database is down.
// server.ts answers this path itself (lib/http/health.ts, outside Next's pipeline); this route is the
// same report for a Next-only run.
export const GET = route(async ({ req }) => {
  const { status, body } = await healthReport({ deep: isDeep(new URL(req.url).searchParams) });
  return json(body, status, { "Cache-Control": "no-store" });
});
