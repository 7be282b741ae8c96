import { parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { countExport, exportMessagesCsv } from "@/lib/queue/export-csv";
import { messageFilterSchema } from "@/lib/schemas/message";

// GET /api/messages/export – the filtered list as CSV, streamed page by page; X-Total-Count when known
export const GET = withAuth("read", async ({ req, principal, database }) => {
  const filter = parseQuery(req, messageFilterSchema);
  filter.clientId = scopeClientId(principal, filter.clientId);
  const total = await countExport(database, filter);
  const rows = exportMessagesCsv(database, filter);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="herald-messages-${stamp}.csv"`,
      "Cache-Control": "no-store",
      ...(total !== null ? { "X-Total-Count": String(total) } : {}),
    },
  });
});
