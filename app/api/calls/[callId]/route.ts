import { AppError } from "@/lib/errors";
import { json, withAuth } from "@/lib/http/route";
import { assertCanReadClient } from "@/lib/auth/principal";
import { getCallDetail } from "@/lib/calls/queries";

// GET /api/calls/:callId – one call with transcript, analysis and the follow-ups it caused
export const GET = withAuth<{ callId: string }>("read", async ({ params, principal, db }) => {
  const call = await getCallDetail(db, params.callId);
  if (!call) throw new AppError("NOT_FOUND", `call ${params.callId} not found`);
  assertCanReadClient(principal, call.clientId);
  return json({ call });
});
