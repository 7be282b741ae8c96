"use client";

// The reply box: a text (Enter sends, Shift+Enter is a new line) and an optional picture or
// file link. For WhatsApp with its 24-hour window closed it says that only a template can
// be sent: the server then sends the client's approved template instead of the text.
import { useState, type FormEvent, type KeyboardEvent } from "react";
import type { WindowState } from "./whatsapp-window";
import { missingPermission } from "@/components/auth/use-me";

/** `denied`: the signed-in role may not send (the widget's token always may). */
export function ReplyBox({ onSend, disabled, denied, whatsapp }: { onSend: (text: string, mediaUrl?: string) => void; disabled: boolean; denied: boolean; whatsapp: WindowState }) {
  const [text, setText] = useState("");
  const [mediaUrl, setMediaUrl] = useState("");
  const [showMedia, setShowMedia] = useState(false);
  const media = mediaUrl.trim();
  const mediaOk = !media || /^https?:\/\/\S+$/.test(media);
  const canSend = !disabled && !denied && mediaOk && (text.trim() !== "" || media !== "");

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!canSend) return;
    onSend(text.trim(), media || undefined);
    setText("");
    setMediaUrl("");
    setShowMedia(false);
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
  };

  return (
    <form onSubmit={submit} data-testid="reply-box" className="border-t border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
      {whatsapp.kind === "closed" && (
        <p data-testid="template-only" className="mb-2 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-800">
          The 24-hour WhatsApp window is closed: only an approved template can be sent until the customer writes again.
        </p>
      )}
      {showMedia && (
        <input
          type="url"
          aria-label="Picture or file link"
          placeholder="https://… picture or file link"
          value={mediaUrl}
          onChange={(e) => setMediaUrl(e.target.value)}
          aria-invalid={!mediaOk}
          className="mb-2 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-950"
        />
      )}
      <div className="flex items-end gap-2">
        <button
          type="button"
          aria-label="Attach a picture or file link"
          aria-pressed={showMedia}
          onClick={() => setShowMedia((v) => !v)}
          className="grid h-9 w-9 shrink-0 place-items-center rounded-full text-slate-500 hover:bg-slate-100 aria-pressed:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-800"
        >
          <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden>
            <path d="M13.5 6.5 7.8 12.2a1.8 1.8 0 0 0 2.5 2.5l6-6a3.5 3.5 0 0 0-5-5l-6.2 6.2a5.2 5.2 0 0 0 7.4 7.4l4-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
        </button>
        <textarea
          aria-label="Message"
          placeholder="Write a message"
          rows={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
          maxLength={1600}
          className="max-h-32 min-h-9 flex-1 resize-none rounded-2xl border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-950"
        />
        <button
          type="submit"
          disabled={!canSend}
          title={denied ? missingPermission("send") : undefined}
          className="h-9 shrink-0 rounded-full bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-40"
        >
          Send
        </button>
      </div>
    </form>
  );
}
