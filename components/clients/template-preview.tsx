"use client";

// What the customer would receive: an SMS bubble or an email, rendered by the server with sample data.
import type { TemplateText } from "@/components/api/types";
import { useTemplatePreview } from "./use-template-preview";

/** Plain GSM text: 160 characters fit one SMS; longer ones travel in 153-character parts. */
const smsSegments = (length: number) => (length <= 160 ? 1 : Math.ceil(length / 153));

export function TemplatePreview(props: { clientId: string; kind: string; channel: string; template: TemplateText; customVariables: string[] }) {
  const { data, error, isError, hasBody, updating } = useTemplatePreview(props);
  const email = props.channel === "email";

  return (
    <div aria-labelledby="template-preview-title" role="region" className="flex h-full flex-col rounded-md bg-slate-100 p-3 dark:bg-slate-950/60">
      <div className="mb-2 flex items-center justify-between">
        <h3 id="template-preview-title" className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Preview, with sample data
        </h3>
        <span aria-hidden className={`text-xs text-slate-500 transition-opacity ${updating && hasBody ? "opacity-100" : "opacity-0"}`}>
          updating…
        </span>
      </div>
      <div data-testid="template-preview" aria-live="polite" className="min-h-32 flex-1">
        {!hasBody ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">Write a message to see how it reads.</p>
        ) : isError && !updating ? (
          <p role="alert" data-testid="preview-error" className="text-sm text-red-700 dark:text-red-300">
            Cannot render this template: {error.message}
          </p>
        ) : !data ? (
          <p className="text-sm text-slate-500">Rendering…</p>
        ) : email ? (
          <div className="rounded-md bg-white text-sm shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
            <p className="border-b border-slate-200 px-3 py-2 font-medium dark:border-slate-800">
              <span className="text-slate-500 dark:text-slate-400">Subject: </span>
              <span data-testid="preview-subject">{data.subject ?? "(none)"}</span>
            </p>
            <p data-testid="preview-body" className="whitespace-pre-wrap break-words px-3 py-2 leading-relaxed">
              {data.body}
            </p>
          </div>
        ) : (
          <p data-testid="preview-body" className="max-w-xs whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm leading-relaxed shadow-sm ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700">
            {data.body}
          </p>
        )}
      </div>
      {hasBody && !email && data && (
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
          {data.body.length} characters · about {smsSegments(data.body.length)} SMS segment{smsSegments(data.body.length) > 1 ? "s" : ""}
        </p>
      )}
    </div>
  );
}
