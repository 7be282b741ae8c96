import { route } from "@/lib/http/route";
import { renderMetrics } from "@/lib/metrics";

// GET /api/metrics – Prometheus text from prom-client (open, like most scrape endpoints; it holds counts, no content)
export const GET = route(async ({ db }) => {
  const { body, contentType } = await renderMetrics(db);
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
