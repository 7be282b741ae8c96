"use client";

import { memo, useState } from "react";
import { MessageActions } from "./message-actions";
import type { ApiMessage } from "./message-types";
import { RelativeTime } from "./relative-time";
import { StatusBadge } from "./status-badge";

// Below `lg` a row is a two-column card (recipient | status, client | time, body, actions);
// from `lg` up it is an ordinary table row. Same elements either way, so each message is one row.
const CELL = "min-w-0 lg:px-2.5 lg:py-2 lg:align-top";

/** Ids are `msg_` + a time-ordered hex string: the tail is what tells two apart. */
function shortId(id: string) {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}

function MessageRowImpl({ message, clientName, now }: { message: ApiMessage; clientName?: string; now: number }) {
  const [expanded, setExpanded] = useState(false);
  const text = [message.subject, message.body ?? (message.template ? `template: ${message.template}` : null)]
    .filter(Boolean)
    .join(" — ");
  const problem = message.status === "failed" || message.status === "dead_letter" ? (message.deadLetterReason ?? message.lastError) : null;

  return (
    <tr
      data-testid="message-row"
      data-message-id={message.id}
      data-status={message.status}
      className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 border-t border-slate-200 px-3 py-3 first:border-t-0 hover:bg-slate-50 lg:table-row lg:p-0 lg:first:border-t dark:border-slate-800 dark:hover:bg-slate-900/60"
    >
      <td className={`${CELL} hidden whitespace-nowrap font-mono lg:table-cell text-xs text-slate-500 dark:text-slate-400`} title={message.id}>
        {shortId(message.id)}
      </td>
      <td className={`${CELL} order-3 text-xs text-slate-500 lg:table-cell lg:text-sm lg:text-inherit dark:text-slate-400 lg:dark:text-inherit`}>
        <span className="block truncate lg:max-w-28 xl:max-w-32" title={clientName ? `${clientName} (${message.clientId})` : message.clientId}>
          {clientName ?? <span className="font-mono text-xs">{shortId(message.clientId)}</span>}
        </span>
      </td>
      <td className={`${CELL} hidden text-xs uppercase tracking-wide xl:table-cell text-slate-500 dark:text-slate-400`}>{message.channel}</td>
      <td className={`${CELL} order-1 truncate whitespace-nowrap font-mono text-xs lg:table-cell`} title={message.to}>
        <span className="mr-1.5 font-sans uppercase tracking-wide text-slate-500 xl:hidden dark:text-slate-400">{message.channel}</span>
        {message.to.replace(/^whatsapp:/, "")}
      </td>
      <td className={`${CELL} order-5 col-span-2 lg:table-cell`}>
        <button
          type="button"
          onClick={() => setExpanded((e) => !e)}
          aria-expanded={expanded}
          title={expanded ? "Collapse" : text}
          className={`block w-full cursor-pointer text-left lg:w-36 xl:w-56 2xl:w-96 ${expanded ? "whitespace-pre-wrap break-words" : "truncate"}`}
        >
          {text || <span className="text-slate-400">(empty)</span>}
        </button>
      </td>
      <td className={`${CELL} order-2 justify-self-end text-right lg:table-cell lg:text-left`}>
        <StatusBadge status={message.status} />
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
      <td className={`${CELL} order-6 col-span-2 empty:hidden lg:table-cell lg:text-right`}>
        <MessageActions message={message} />
      </td>
    </tr>
  );
}

// Live updates replace one message object at a time; the other rows keep theirs and skip rendering.
export const MessageRow = memo(MessageRowImpl);
