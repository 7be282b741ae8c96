"use client";

import { memo, useState } from "react";
import { MessageActions } from "./message-actions";
import { MessageDetail } from "./message-detail";
import { isRetryable } from "@/components/api/message-statuses";
import type { ApiClient, ApiMessage } from "@/components/api/types";
import { shortId } from "@/components/ui/short-id";
import { problemText } from "@/components/ui/labels";
import { SendTimeText } from "./send-time-text";
import { RowControls } from "./row-controls";
import { useExpandableRow } from "./use-expandable-row";
import { PossibleDuplicateBadge, StatusBadge } from "@/components/ui/status-badge";

// Below `lg` a row is a two-column card (recipient | status, client | time, body, controls |
// actions); from `lg` up it is an ordinary table row. A row expands (click anywhere that is not
// a control, or Enter when it has focus) into a second row with the full message.
const CELL = "min-w-0 lg:overflow-hidden lg:px-2.5 lg:py-2 lg:align-baseline";
export const MESSAGE_COLUMNS = 10;



interface Props {
  message: ApiMessage;
  clientName?: string;
  client?: ApiClient;
  now: number;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
}

function MessageRowImpl({ message, clientName, client, now, selected, onSelect }: Props) {
  const { expanded, setExpanded, onClick, onKeyDown } = useExpandableRow();
  const [editing, setEditing] = useState(false);
  const text = [message.subject, message.body ?? (message.template ? `template: ${message.template}` : null)].filter(Boolean).join(" — ");
  const reason = message.status === "failed" || message.status === "dead_letter" ? (message.deadLetterReason ?? message.lastError) : null;
  const problem = reason ? problemText(reason) : null;
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
        <td className={`${CELL} order-6 lg:table-cell lg:pr-0`}>
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
        <td className={`${CELL} hidden whitespace-nowrap font-mono text-xs text-slate-500 xl:table-cell dark:text-slate-400`} title={message.id}>
          {shortId(message.id)}
        </td>
        <td className={`${CELL} order-3 text-xs text-slate-500 lg:table-cell lg:text-sm lg:text-inherit dark:text-slate-400 lg:dark:text-inherit`}>
          <span className="block truncate" title={clientName ? `${clientName} (${message.clientId})` : message.clientId}>
            {clientName ?? <span className="font-mono text-xs">{shortId(message.clientId)}</span>}
          </span>
        </td>
        <td className={`${CELL} order-1 truncate whitespace-nowrap font-mono text-xs lg:table-cell`} title={message.to}>
          <span className="mr-1.5 font-sans uppercase tracking-wide text-slate-500 dark:text-slate-400">{message.channel}</span>
          {message.to.replace(/^whatsapp:/, "")}
        </td>
        <td className={`${CELL} order-5 col-span-2 lg:table-cell`}>
          <span data-testid="message-body-preview" title={text} className="block w-full truncate">
            {text || <span className="text-slate-400">(empty)</span>}
          </span>
        </td>
        <td className={`${CELL} order-2 justify-self-end text-right lg:table-cell lg:text-left`}>
          <StatusBadge status={message.status} />
          {message.possibleDuplicate && <PossibleDuplicateBadge />}
          {problem && (
            <p data-testid="row-problem" className="mt-1 max-w-40 truncate text-xs text-amber-800 sm:max-w-56 lg:max-w-none dark:text-amber-300" title={problem}>
              {problem}
            </p>
          )}
        </td>
        <td className={`${CELL} hidden text-right tabular-nums lg:table-cell`}>
          {message.attempts}
          <span className="text-slate-400">/{message.maxAttempts}</span>
        </td>
        <td className={`${CELL} hidden text-slate-600 xl:table-cell dark:text-slate-300`}>{message.provider ?? <span className="text-slate-400">—</span>}</td>
        <td className={`${CELL} order-4 min-w-0 justify-self-end text-right text-xs text-slate-500 lg:table-cell lg:text-left lg:text-sm lg:text-slate-600 dark:text-slate-400 lg:dark:text-slate-300`}>
          <SendTimeText message={message} client={client} now={now} />
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
