"use client";

// The link a new invite answers with, shown once (Herald keeps only the token's hash): copy it
// and send it, or see that it was emailed already.
import { useRef, useState } from "react";
import { copyText } from "@/components/ui/copy-text";
import { SECONDARY_BUTTON } from "@/components/ui/field";
import type { InviteAnswer } from "./types";

export function InviteLink({ answer, onDone }: { answer: InviteAnswer; onDone: () => void }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const { invite, url, emailed } = answer;

  return (
    <div role="region" aria-label="Invite link" data-testid="invite-created" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950/60">
      <h3 className="font-semibold text-emerald-900 dark:text-emerald-100">{invite.email} is invited</h3>
      <p data-testid="invite-emailed" data-emailed={emailed} className="mt-1 text-sm text-emerald-900 dark:text-emerald-200">
        {emailed
          ? "We emailed them this link. You can also copy it and send it yourself."
          : "Email is not set up, so nothing was sent: copy this link and send it to them yourself."}{" "}
        It works once, until {new Date(invite.expiresAt).toLocaleString()}, and is not shown again.
      </p>
      <label htmlFor="invite-url" className="sr-only">
        Invite link
      </label>
      <textarea
        ref={box}
        id="invite-url"
        data-testid="invite-url"
        readOnly
        rows={2}
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        className="mt-3 block w-full resize-none break-all rounded-md border border-emerald-300 bg-white px-2.5 py-1.5 font-mono text-sm dark:border-emerald-800 dark:bg-slate-950"
      />
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => void copyText(url, box.current).then(setCopied)}
          className="rounded-md bg-emerald-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-500 focus-visible:ring-offset-2"
        >
          Copy link
        </button>
        <button type="button" onClick={onDone} className={SECONDARY_BUTTON}>
          Invite someone else
        </button>
        <span aria-live="polite" className="text-xs text-emerald-900 dark:text-emerald-200">
          {copied === true ? "Copied to the clipboard." : copied === false ? "Could not copy: select the link and copy it by hand." : ""}
        </span>
      </div>
    </div>
  );
}
