"use client";

// A message's audit lines on its detail: "edited by Ana 10:42: to +1555… → +1555…", from the
// `audit` entries GET /api/messages/:id carries (anyone who may read the message sees them).
import { actionLabel, changeLines, shortTime, type ApiAuditEntry } from "./audit-labels";

const VERB: Record<string, string> = { "message.edit_retry": "edited", "message.retry": "retried", "message.cancel": "cancelled", "message.compose": "composed", "message.widget_reply": "sent" };

export function MessageAudit({ entries }: { entries?: ApiAuditEntry[] }) {
  if (!entries?.length) return null;
  return (
    <ul data-testid="message-audit" className="space-y-1 text-xs text-slate-700 dark:text-slate-300">
      {entries.map((e) => {
        const changes = changeLines(e.changes);
        return (
          <li key={e.id} data-testid="message-audit-line" title={`${actionLabel(e.action)} from ${e.address ?? "an unknown address"}`}>
            <span className="font-medium">{VERB[e.action] ?? actionLabel(e.action).toLowerCase()} by {e.actor.name}</span>{" "}
            <span className="text-slate-500">{shortTime(e.at)}</span>
            {changes.length > 0 && <span className="[overflow-wrap:anywhere]">: {changes.join("; ")}</span>}
          </li>
        );
      })}
    </ul>
  );
}
