import type { Metadata } from "next";
import { CallDetailView } from "@/components/calls/call-detail-view";

export const metadata: Metadata = { title: "Call" };

/** Next hands the segment over still percent-encoded in some versions; decode once, never throw. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// GET /calls/:callId – the call platform's call id, as in GET /api/calls/:callId
export default async function CallPage({ params }: { params: Promise<{ callId: string }> }) {
  const { callId } = await params;
  return <CallDetailView callId={safeDecode(callId)} />;
}
