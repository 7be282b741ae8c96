"use client";

// One pending message in the Scheduled tab: when it goes (the viewer's time, the client's time),
// for whom, what, and why it is held. Expands like a message row.
import { memo } from "react";
import { MessageActions } from "./message-actions";
import { MessageDetail } from "./message-detail";
import type { ApiClient, ApiMessage } from "@/components/api/types";
import { formatRelative } from "@/components/ui/relative-time";
import { RowControls } from "./row-controls";
import { useExpandableRow } from "./use-expandable-row";
import { formatInZone } from "@/components/ui/zoned-time";

const CELL = "min-w-0 lg:px-2.5 lg:py-2 lg:align-baseline";
export const SCHEDULED_COLUMNS = 7;

/**
 * When the worker will take it: a held message's next opening, else the time it was given.
 * Null only in the serializer's type (createdAt is always set), shown as "—".
 */
function dueAt(m: ApiMessage): string | null {
  return m.runAt ?? m.scheduledFor ?? m.createdAt;
}

function ScheduledRowImpl({ message, client, now }: { message: ApiMessage; client?: ApiClient; now: number }) {
  const { expanded, setExpanded, onClick, onKeyDown } = useExpandableRow();
  const due = dueAt(message);
  const detailId = `scheduled-detail-${message.id}`;

  return (
    <>
      <tr
        data-testid="scheduled-row"
        data-message-id={message.id}
        tabIndex={0}
        aria-expanded={expanded}
        onClick={onClick}
        onKeyDown={onKeyDown}
        className="grid cursor-pointer grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 border-t border-slate-200 px-3 py-3 outline-none first:border-t-0 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 lg:table-row lg:p-0 lg:first:border-t dark:border-slate-800 dark:hover:bg-slate-900/60"
      >
        <td className={`${CELL} order-6 lg:table-cell lg:w-10 lg:pr-0`}>
          <RowControls id={message.id} selectable={false} selected={false} onSelect={() => {}} expanded={expanded} onToggle={() => setExpanded((x) => !x)} controls={detailId} />
        </td>
        <td className={`${CELL} order-1 lg:table-cell`}>
          <span data-testid="viewer-time" className="block whitespace-nowrap font-medium" title="Your time">
            {due ? formatInZone(due) : "—"}
          </span>
          <span className="text-xs text-slate-500 dark:text-slate-400">{due && formatRelative(due, now)}</span>
        </td>
        <td className={`${CELL} order-2 justify-self-end text-right lg:table-cell lg:text-left`}>
          <span data-testid="client-time" className="block whitespace-nowrap" title={client ? `${client.name}'s time (${client.timezone})` : "Client's zone unknown"}>
            {client && due ? formatInZone(due, client.timezone) : "—"}
          </span>
          <span className="block truncate text-xs text-slate-500 lg:max-w-36 dark:text-slate-400">{client?.name ?? message.clientId}</span>
        </td>
        <td className={`${CELL} order-3 truncate font-mono text-xs lg:table-cell`} title={message.to}>
          <span className="mr-1.5 font-sans uppercase tracking-wide text-slate-500 dark:text-slate-400">{message.channel}</span>
          {message.to.replace(/^whatsapp:/, "")}
        </td>
        <td className={`${CELL} order-5 col-span-2 lg:table-cell`}>
          <span className="block truncate lg:w-40 xl:w-56" title={message.body ?? ""}>
            {message.subject ? `${message.subject} — ` : ""}
            {message.body ?? (message.template ? `template: ${message.template}` : "")}
          </span>
        </td>
        <td className={`${CELL} order-4 justify-self-end text-xs lg:table-cell`}>
          {message.heldReason ? (
            <span data-testid="held-reason" className="block text-amber-800 lg:max-w-56 dark:text-amber-300">
              {message.heldReason}
            </span>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">{message.category === "marketing" ? "marketing, in hours" : "scheduled"}</span>
          )}
        </td>
        <td className={`${CELL} order-7 justify-self-end lg:table-cell lg:text-right`}>
          <MessageActions message={message} />
        </td>
      </tr>
      {expanded && (
        <tr id={detailId} className="block border-t border-slate-100 lg:table-row dark:border-slate-800">
          <td colSpan={SCHEDULED_COLUMNS} className="block bg-slate-50/70 px-3 py-3 lg:table-cell lg:px-4 dark:bg-slate-900/40">
            <MessageDetail message={message} editing={false} onEditingChange={() => {}} />
          </td>
        </tr>
      )}
    </>
  );
}

export const ScheduledRow = memo(ScheduledRowImpl);
