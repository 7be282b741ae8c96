// The audit trail in operator language: what an action is called, and a change as
// "field: before → after" (long values cut, so a body edit stays one line).
import type { ApiAuditEntry } from "@/lib/audit/list";

export type { ApiAuditEntry };

export const ACTION_LABELS: Record<string, string> = {
  "message.edit_retry": "Edited and retried",
  "message.retry": "Retried",
  "message.cancel": "Cancelled",
  "message.compose": "Composed a message",
  "message.widget_reply": "Replied in a conversation",
  "client.create": "Created a client",
  "client.update": "Changed a client",
  "client.rotate_key": "Rotated the API key",
  "error.resolve": "Resolved an error",
  "error.acknowledge": "Acknowledged an error",
  "suppression.add": "Suppressed an address",
  "suppression.lift": "Lifted a suppression",
  "consent.record": "Recorded a consent",
  "user.invite": "Invited a user",
  "user.update": "Changed a user",
  "user.role": "Changed a role",
  "user.deactivate": "Deactivated a user",
  "user.reactivate": "Reactivated a user",
  "user.accept": "Accepted an invite",
  "user.password_reset": "Reset a password",
  "user.password_change": "Changed their password",
  "user.sessions_end": "Signed a user out everywhere",
  "invite.revoke": "Withdrew an invite",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/[._]/g, " ");
}

function valueText(v: unknown): string {
  if (v === null || v === undefined || v === "") return "(none)";
  const text = typeof v === "string" ? v : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** ["to: +15550002222 → +15550003333", …]; an added field shows its new value only. */
export function changeLines(changes: ApiAuditEntry["changes"]): string[] {
  return Object.entries(changes ?? {}).map(([field, [before, after]]) =>
    before === null || before === undefined ? `${field}: ${valueText(after)}` : `${field}: ${valueText(before)} → ${valueText(after)}`,
  );
}

/** 10:42 today, "3 Dec 10:42" otherwise, in the browser's zone. */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  const time = d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return today ? time : `${d.toLocaleDateString([], { day: "numeric", month: "short" })} ${time}`;
}
