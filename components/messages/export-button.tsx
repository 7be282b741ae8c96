"use client";

// "Export CSV" for the list as it is filtered: GET /api/messages/export streams the rows, this
// counts them as they arrive (progress against X-Total-Count when the server knows it), and
// hands the file to the browser when the last row is in. Cancel stops the download.
import { useRef, useState } from "react";
import { toApiError } from "@/components/api/api-client";
import { listParams, type MessageFilter } from "./message-filter";

const BUTTON = "rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800";

type State = { phase: "idle" } | { phase: "running"; rows: number; total: number | null } | { phase: "done"; rows: number } | { phase: "error"; message: string };

function countLines(chunk: Uint8Array): number {
  let n = 0;
  for (const byte of chunk) if (byte === 10) n++;
  return n;
}

function saveFile(parts: BlobPart[], name: string) {
  const url = URL.createObjectURL(new Blob(parts, { type: "text/csv" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButton({ filter }: { filter: MessageFilter }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: "running", rows: 0, total: null });
    try {
      const res = await fetch(`/api/messages/export?${listParams(filter)}`, { credentials: "same-origin", signal: controller.signal });
      if (!res.ok || !res.body) throw await toApiError(res);
      const totalHeader = res.headers.get("x-total-count");
      const total = totalHeader === null ? null : Number(totalHeader);
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "herald-messages.csv";
      const parts: Uint8Array[] = [];
      // Newlines inside quoted bodies make this a close count, not an exact one; the last figure is exact.
      let lines = 0;
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        lines += countLines(value);
        setState({ phase: "running", rows: Math.max(0, Math.min(lines - 1, total ?? Infinity)), total });
      }
      saveFile(parts as BlobPart[], name);
      setState({ phase: "done", rows: total ?? Math.max(0, lines - 1) });
    } catch (err) {
      if (controller.signal.aborted) setState({ phase: "idle" });
      else setState({ phase: "error", message: err instanceof Error ? err.message : String(err) });
    } finally {
      abort.current = null;
    }
  };

  const running = state.phase === "running";
  const pct = running && state.total ? Math.round((state.rows / Math.max(1, state.total)) * 100) : null;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 text-xs">
      {running ? (
        <button type="button" onClick={() => abort.current?.abort()} className={BUTTON}>
          Cancel export
        </button>
      ) : (
        <button type="button" onClick={() => void run()} data-testid="export-csv" className={BUTTON} title="Download every message this list shows (all pages) as CSV">
          Export CSV
        </button>
      )}
      <span role="status" data-testid="export-status" className="text-slate-600 dark:text-slate-300">
        {running && (
          <span className="inline-flex items-center gap-2">
            {pct !== null && (
              <span aria-hidden className="inline-block h-1.5 w-24 overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
                <span className="block h-full bg-indigo-500" style={{ width: `${pct}%` }} />
              </span>
            )}
            {state.rows.toLocaleString()}
            {state.total !== null ? ` of ${state.total.toLocaleString()}` : ""} rows…
          </span>
        )}
        {state.phase === "done" && `Exported ${state.rows.toLocaleString()} rows.`}
        {state.phase === "error" && <span className="text-red-700 dark:text-red-300">Export failed: {state.message}</span>}
      </span>
    </div>
  );
}
