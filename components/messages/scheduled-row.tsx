"use client";

// One pending message in the Scheduled tab: when it goes (the viewer's time, the client's time),
// for whom, what, and why it is held. Expands like a message row.
import { memo } from "react";
import { MessageActions } from "./message-actions";
import { MessageDetail } from "./message-detail";
import type { ApiClient, MessagePage } from "@/components/api/types";
import { formatRelative } from "@/components/ui/relative-time";
import { RowControls } from "./row-controls";
import { useExpandableRow } from "./use-expandable-row";
import { formatInZone } from "@/components/ui/zoned-time";
import { sendTime } from "./send-time";

const CELL = "min-w-0 lg:overflow-hidden lg:px-2.5 lg:py-2 lg:align-baseline";
export const SCHEDULED_COLUMNS = 7;

export type ScheduledEntry = MessagePage["messages"][number];

function ScheduledRowImpl({ message, client, now }: { message: ScheduledEntry; client?: ApiClient; now: number }) {
  const { expanded, setExpanded, onClick, onKeyDown } = useExpandableRow();
  // When it will really go, as the server works it out with the gate's send window (quiet hours
  // in the recipient's zone, business hours); the browser's estimate only if it is missing.
  const { at: due, held } = message.goesAt !== undefined ? { at: message.goesAt, held: message.goesReason ?? null } : sendTime(message, client, now);
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
        <td className={`${CELL} order-6 lg:table-cell lg:pr-0`}>
          <RowControls id={message.id} selectable={false} selected={false} onSelect={() => {}} expanded={expanded} onToggle={() => setExpanded((x) => !x)} controls={detailId} />
        </td>
        <td className={`${CELL} order-1 lg:table-cell`}>
          <span data-testid="viewer-time" data-at={due ?? ""} data-scheduled-for={message.scheduledFor ?? ""} className="block font-medium lg:truncate" title="Your time">
            {due ? formatInZone(due) : "—"}
          </span>
          <span className="text-xs text-slate-500 dark:text-slate-400">{due && formatRelative(due, now)}</span>
        </td>
        <td className={`${CELL} order-2 col-span-2 text-xs text-slate-600 lg:col-span-1 lg:table-cell lg:text-sm lg:text-inherit dark:text-slate-300 lg:dark:text-inherit`}>
          <span data-testid="client-time" className="block lg:truncate" title={client ? `${client.name}'s time (${client.timezone})` : "Client's zone unknown"}>
            <span className="lg:hidden">Client's time: </span>
            {client && due ? formatInZone(due, client.timezone) : "—"}
          </span>
          <span className="block truncate text-xs text-slate-500 dark:text-slate-400">{client?.name ?? message.clientId}</span>
        </td>
        <td className={`${CELL} order-3 truncate font-mono text-xs lg:table-cell`} title={message.to}>
          <span className="mr-1.5 font-sans uppercase tracking-wide text-slate-500 dark:text-slate-400">{message.channel}</span>
          {message.to.replace(/^whatsapp:/, "")}
        </td>
        <td className={`${CELL} order-5 col-span-2 lg:table-cell`}>
          <span className="block truncate" title={message.body ?? ""}>
            {message.subject ? `${message.subject} — ` : ""}
            {message.body ?? (message.template ? `template: ${message.template}` : "")}
          </span>
        </td>
        <td className={`${CELL} order-4 col-span-2 text-xs lg:col-span-1 lg:table-cell`}>
          {held ? (
            <span data-testid="held-reason" className="block text-amber-800 dark:text-amber-300">
              {held}
            </span>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">{message.category === "marketing" ? "marketing, inside business hours" : "scheduled"}</span>
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
