"use client";

import { memo, useState } from "react";
import { MessageActions } from "./message-actions";
import { MessageDetail } from "./message-detail";
import { isRetryable } from "@/components/api/message-statuses";
import type { ApiMessage } from "@/components/api/types";
import { RelativeTime } from "@/components/ui/relative-time";
import { RowControls } from "./row-controls";
import { useExpandableRow } from "./use-expandable-row";
import { PossibleDuplicateBadge, StatusBadge } from "@/components/ui/status-badge";

// Below `lg` a row is a two-column card (recipient | status, client | time, body, controls |
// actions); from `lg` up it is an ordinary table row. A row expands (click anywhere that is not
// a control, or Enter when it has focus) into a second row with the full message.
const CELL = "min-w-0 lg:px-2.5 lg:py-2 lg:align-baseline";
export const MESSAGE_COLUMNS = 11;

/** Ids are `msg_` + a time-ordered hex string: the tail is what tells two apart. */
function shortId(id: string) {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}


interface Props {
  message: ApiMessage;
  clientName?: string;
  now: number;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
}

function MessageRowImpl({ message, clientName, now, selected, onSelect }: Props) {
  const { expanded, setExpanded, onClick, onKeyDown } = useExpandableRow();
  const [editing, setEditing] = useState(false);
  const text = [message.subject, message.body ?? (message.template ? `template: ${message.template}` : null)].filter(Boolean).join(" — ");
  const problem = message.status === "failed" || message.status === "dead_letter" ? (message.deadLetterReason ?? message.lastError) : null;
  const detailId = `message-detail-${message.id}`;

  const startEdit = () => {
    setExpanded(true);
    setEditing(true);
  };

  return (
    <>
      <tr
        data-testid="message-row"
        data-message-id={message.id}
        data-status={message.status}
        data-expanded={expanded}
        tabIndex={0}
        aria-expanded={expanded}
        onClick={onClick}
        onKeyDown={onKeyDown}
        className={`grid cursor-pointer grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 border-t border-slate-200 px-3 py-3 outline-none first:border-t-0 hover:bg-slate-50 focus-visible:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 lg:table-row lg:p-0 lg:first:border-t dark:border-slate-800 dark:hover:bg-slate-900/60 dark:focus-visible:bg-indigo-950/40 ${
          expanded ? "bg-slate-50 dark:bg-slate-900/60" : ""
        }`}
      >
        <td className={`${CELL} order-6 lg:table-cell lg:w-16 lg:pr-0`}>
          <RowControls
            id={message.id}
            selectable={isRetryable(message.status)}
            selected={selected}
            onSelect={onSelect}
            expanded={expanded}
            onToggle={() => setExpanded((x) => !x)}
            controls={detailId}
          />
        </td>
        <td className={`${CELL} hidden whitespace-nowrap font-mono text-xs text-slate-500 lg:table-cell dark:text-slate-400`} title={message.id}>
          {shortId(message.id)}
        </td>
        <td className={`${CELL} order-3 text-xs text-slate-500 lg:table-cell lg:text-sm lg:text-inherit dark:text-slate-400 lg:dark:text-inherit`}>
          <span className="block truncate lg:max-w-28 xl:max-w-32" title={clientName ? `${clientName} (${message.clientId})` : message.clientId}>
            {clientName ?? <span className="font-mono text-xs">{shortId(message.clientId)}</span>}
          </span>
        </td>
        <td className={`${CELL} hidden text-xs uppercase tracking-wide text-slate-500 xl:table-cell dark:text-slate-400`}>{message.channel}</td>
        <td className={`${CELL} order-1 truncate whitespace-nowrap font-mono text-xs lg:table-cell`} title={message.to}>
          <span className="mr-1.5 font-sans uppercase tracking-wide text-slate-500 xl:hidden dark:text-slate-400">{message.channel}</span>
          {message.to.replace(/^whatsapp:/, "")}
        </td>
        <td className={`${CELL} order-5 col-span-2 lg:table-cell`}>
          <span data-testid="message-body-preview" title={text} className="block w-full truncate lg:w-36 xl:w-48 2xl:w-80">
            {text || <span className="text-slate-400">(empty)</span>}
          </span>
        </td>
        <td className={`${CELL} order-2 justify-self-end text-right lg:table-cell lg:text-left`}>
          <StatusBadge status={message.status} />
          {message.possibleDuplicate && <PossibleDuplicateBadge />}
          {problem && (
            <p className="mt-1 max-w-32 truncate text-xs text-amber-800 xl:max-w-36 dark:text-amber-300" title={problem}>
              {problem}
            </p>
          )}
        </td>
        <td className={`${CELL} hidden text-right tabular-nums lg:table-cell`}>
          {message.attempts}
          <span className="text-slate-400">/{message.maxAttempts}</span>
        </td>
        <td className={`${CELL} hidden text-slate-600 xl:table-cell dark:text-slate-300`}>{message.provider ?? <span className="text-slate-400">—</span>}</td>
        <td className={`${CELL} order-4 justify-self-end text-xs text-slate-500 lg:table-cell lg:text-sm lg:text-slate-600 dark:text-slate-400 lg:dark:text-slate-300`}>
          <RelativeTime iso={message.createdAt} now={now} />
        </td>
        <td className={`${CELL} order-7 justify-self-end lg:table-cell lg:text-right`}>
          <MessageActions message={message} onEdit={startEdit} />
        </td>
      </tr>
      {expanded && (
        <tr id={detailId} data-testid="message-detail-row" className="block border-t border-slate-100 lg:table-row dark:border-slate-800">
          <td colSpan={MESSAGE_COLUMNS} className="block bg-slate-50/70 px-3 py-3 lg:table-cell lg:px-4 dark:bg-slate-900/40">
            <MessageDetail message={message} editing={editing} onEditingChange={setEditing} />
          </td>
        </tr>
      )}
    </>
  );
}

// Live updates replace one message object at a time; the other rows keep theirs and skip rendering.
export const MessageRow = memo(MessageRowImpl);
