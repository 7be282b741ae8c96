"use client";

// A freshly issued API key, shown this once: Herald keeps only its hash.
import { useRef, useState } from "react";
import { copyText } from "@/components/ui/copy-text";
import { SECONDARY_BUTTON } from "@/components/ui/field";

export function ApiKeyReveal({ apiKey, title, onDone }: { apiKey: string; title: string; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  return (
    <div role="region" aria-label="New API key" data-testid="api-key-reveal" className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/60">
      <h3 className="font-semibold text-amber-900 dark:text-amber-100">{title}</h3>
      <p className="mt-1 text-sm text-amber-900 dark:text-amber-200">
        <strong>Copy this key now: it will not be shown again.</strong> Herald stores only a hash of it. If it is lost, rotate the key and update
        whatever uses it.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor="new-api-key" className="sr-only">
          API key
        </label>
        <input
          ref={input}
          id="new-api-key"
          data-testid="api-key"
          readOnly
          value={apiKey}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-2.5 py-1.5 font-mono text-sm dark:border-amber-800 dark:bg-slate-950"
        />
        <button
          type="button"
          onClick={() => void copyText(apiKey, input.current).then(setCopied)}
          className="rounded-md bg-amber-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 focus-visible:ring-offset-2"
        >
          Copy
        </button>
        <button type="button" onClick={onDone} className={SECONDARY_BUTTON}>
          I have saved it
        </button>
      </div>
      <p aria-live="polite" className="mt-1.5 min-h-4 text-xs text-amber-900 dark:text-amber-200">
        {copied === true ? "Copied to the clipboard." : copied === false ? "Could not copy: select the key and copy it by hand." : ""}
      </p>
    </div>
  );
}
