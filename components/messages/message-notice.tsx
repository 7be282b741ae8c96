"use client";

// The page's word after an operator queued a message: composed ("Queued sms to …") or retried
// with edits ("Retried with your changes to the recipient"). It lives on the page, not in the
// message's row: a retried dead letter leaves the Dead letter tab as soon as it is sent, and a
// confirmation inside its row went with it.
import Link from "next/link";
import { createContext, useContext } from "react";
import type { ApiMessage } from "@/components/api/types";
import { messagesHref, type MessageFilter } from "./message-filter";

export interface Notice {
  message: Pick<ApiMessage, "id" | "channel" | "to" | "scheduledFor">;
  /** Set after a retry: the fields the operator changed (empty: retried as it was). */
  retried?: string[];
}

const NoticeContext = createContext<(notice: Notice) => void>(() => {});
export const NoticeProvider = NoticeContext.Provider;
/** Shows a notice on the messages page (a no-op outside it). */
export const useShowNotice = () => useContext(NoticeContext);

const fieldName = (f: string) => (f === "to" ? "the recipient" : f);

export function MessageNotice({ notice, filter, onDismiss }: { notice: Notice; filter: MessageFilter; onDismiss: () => void }) {
  const { message, retried } = notice;
  const scheduled = message.scheduledFor && new Date(message.scheduledFor).getTime() > Date.now() + 5_000;
  return (
    <div
      role="status"
      data-testid={retried ? "retry-confirmation" : "composed-notice"}
      className="flex flex-wrap items-center gap-2 rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-100"
    >
      {retried ? (
        <span>
          <strong>Retried{retried.length ? ` with your changes to ${retried.map(fieldName).join(" and ")}` : ""}.</strong> It is queued again; its row follows what the provider says:
        </span>
      ) : (
        <span>
          {scheduled ? "Scheduled" : "Queued"} {message.channel} to <span className="font-mono">{message.to}</span>:
        </span>
      )}
      <Link href={messagesHref({ ...filter, tab: "all", q: message.id })} className="font-mono text-xs underline">
        {message.id}
      </Link>
      <button type="button" onClick={onDismiss} className="ml-auto text-xs font-medium underline">
        Dismiss
      </button>
    </div>
  );
}
