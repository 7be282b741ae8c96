// GET /api/calls with the overview's parameters; empty ones stay out.
export function callsUrl(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return `/api/calls?${q}`;
}
