import { json, route } from "@/lib/http/route";
import { getContext } from "@/lib/context";

// GET /api/health – liveness with the database, worker and provider state; 503 when the database is down
export const GET = route(async ({ db: prisma }) => {
  const runtime = getContext().runtime;
  const worker = runtime?.worker?.status() ?? { running: false, lastTickAt: null };
  const providers = Object.fromEntries(
    (runtime?.providers ?? []).map((p) => {
      const breaker = p.state?.();
      return [p.name, { status: breaker && breaker.state !== "closed" ? `circuit_${breaker.state}` : "ok", channels: p.channels, breaker: breaker ?? null }];
    }),
  );
  let db = "ok";
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
  } catch {
    db = "unreachable";
  }
  const body = { status: db === "ok" ? "ok" : "degraded", db, worker: { running: worker.running, lastTickAt: worker.lastTickAt }, providers };
  return json(body, db === "ok" ? 200 : 503);
});
