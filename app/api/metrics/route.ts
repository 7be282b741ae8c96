import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { renderMetrics } from "@/lib/metrics";

// GET /api/metrics – Prometheus text (open, like most scrape endpoints; it holds counts, no content)
export const GET = route(async () =>
  new Response(await renderMetrics(await getDb()), { headers: { "Content-Type": "text/plain; version=0.0.4" } }),
);
