import { route } from "@/lib/http/route";
import { renderMetrics } from "@/lib/metrics";

// GET /api/metrics – Prometheus text (open, like most scrape endpoints; it holds counts, no content)
export const GET = route(async ({ db }) =>
  new Response(await renderMetrics(db), { headers: { "Content-Type": "text/plain; version=0.0.4" } }),
);
