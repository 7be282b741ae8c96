// The trivial route handler the bench compares POST /api/messages with: read the JSON
// body, answer 202 with a small JSON body. No auth, no validation, no database.
let n = 0;

export async function POST(request: Request): Promise<Response> {
  const body = (await request.json()) as { to?: string };
  n += 1;
  return Response.json({ message: { id: `msg_${n}`, to: body.to ?? null, status: "pending" } }, { status: 202 });
}
