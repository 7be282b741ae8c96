// A message as a live queue:message:* event leaves it (lists, detail panels, a call's follow-ups).
import type { MessageEventPayload } from "@/lib/realtime/contract";
import type { ApiMessage } from "@/components/api/types";

export function patchMessage(m: ApiMessage, p: MessageEventPayload): ApiMessage {
  return {
    ...m,
    status: p.status,
    attempts: p.attempts,
    provider: p.provider ?? m.provider,
    lastError: p.error !== undefined ? p.error : m.lastError,
    nextAttemptAt: p.nextAttemptAt !== undefined ? p.nextAttemptAt : m.nextAttemptAt,
  };
}
