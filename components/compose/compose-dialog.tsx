"use client";

// "Compose" on the messages page: a modal <dialog> (focus stays inside, Esc closes) with the form.
import { useEffect, useRef, useState } from "react";
import type { ApiMessage } from "@/components/api/types";
import { ComposeForm } from "./compose-form";

export function ComposeButton({ defaultClientId, onSent }: { defaultClientId?: string; onSent: (message: ApiMessage) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        data-testid="compose-open"
        className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <span aria-hidden className="text-base leading-none">+</span> Compose
      </button>
      {open && (
        <ComposeDialog
          defaultClientId={defaultClientId}
          onClose={() => setOpen(false)}
          onSent={(m) => {
            setOpen(false);
            onSent(m);
          }}
        />
      )}
    </>
  );
}

function ComposeDialog({ defaultClientId, onClose, onSent }: { defaultClientId?: string; onClose: () => void; onSent: (m: ApiMessage) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="compose-title"
      data-testid="compose-dialog"
      className="m-auto w-[min(36rem,calc(100vw-1.5rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3 dark:border-slate-800">
        <h2 id="compose-title" className="text-base font-semibold">
          Compose a message
        </h2>
        <button
          type="button"
          onClick={() => ref.current?.close()}
          aria-label="Close"
          className="grid h-8 w-8 place-items-center rounded-md text-lg text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-white"
        >
          ×
        </button>
      </div>
      <ComposeForm defaultClientId={defaultClientId} onCancel={() => ref.current?.close()} onSent={onSent} />
    </dialog>
  );
}
