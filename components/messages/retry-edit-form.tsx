"use client";

// Edit a failed or dead-lettered message, then retry it: only the changed fields are sent
// (POST /api/messages/:id/retry {body?, subject?, to?}), so the server records what was edited.
// Checked in the browser with the API's own schema; the API's field errors are shown too.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { recipientProblem, retryEditSchema, type RetryEdit } from "@/lib/schemas/message";
import { ApiError, fetchJson } from "@/components/api/api-client";
import { detailsOf, errorsByField, FieldError, INPUT_CLASS, type FieldErrors } from "@/components/ui/field-errors";
import type { ApiMessage } from "@/components/api/types";
import { messageDetailQueryKey } from "./use-message-detail";

/** `edited` names the fields that were changed when the retry went through; undefined when discarded. */
export function RetryEditForm({ message, onDone }: { message: ApiMessage; onDone: (edited?: string[]) => void }) {
  const queryClient = useQueryClient();
  const [to, setTo] = useState(message.to);
  const [subject, setSubject] = useState(message.subject ?? "");
  const [body, setBody] = useState(message.body ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const showSubject = message.channel === "email" || !!message.subject;

  const mutation = useMutation({
    mutationFn: (edit: RetryEdit) =>
      fetchJson<{ message: ApiMessage }>(`/api/messages/${encodeURIComponent(message.id)}/retry`, { method: "POST", json: edit }),
    onSuccess: (_answer, edit) => onDone(Object.keys(edit)),
    onError: (err) => setErrors(err instanceof ApiError ? errorsByField(err.details) : {}),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ["messages"] });
      void queryClient.invalidateQueries({ queryKey: ["stats"] });
      void queryClient.invalidateQueries({ queryKey: messageDetailQueryKey(message.id) });
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const edit: RetryEdit = {};
    if (to.trim() !== message.to) edit.to = to.trim();
    if (showSubject && subject !== (message.subject ?? "")) edit.subject = subject;
    if (body !== (message.body ?? "")) edit.body = body;
    const parsed = retryEditSchema.safeParse(edit);
    const found: FieldErrors = parsed.success ? {} : errorsByField(detailsOf(parsed.error));
    const problem = edit.to ? recipientProblem(message.channel, edit.to) : null;
    if (problem) found.to ??= problem;
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate(edit);
  };

  const id = (field: string) => `retry-${message.id}-${field}`;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="retry-edit-form" className="space-y-2.5 rounded-md bg-white p-3 ring-1 ring-inset ring-indigo-200 dark:bg-slate-900 dark:ring-indigo-800">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-indigo-700 dark:text-indigo-300">Edit and retry</h3>
      <div>
        <label htmlFor={id("to")} className="block text-xs font-medium">
          Recipient
        </label>
        <input id={id("to")} value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={!!errors.to} className={`${INPUT_CLASS} w-full font-mono`} />
        <FieldError message={errors.to} />
      </div>
      {showSubject && (
        <div>
          <label htmlFor={id("subject")} className="block text-xs font-medium">
            Subject
          </label>
          <input id={id("subject")} value={subject} onChange={(e) => setSubject(e.target.value)} aria-invalid={!!errors.subject} className={`${INPUT_CLASS} w-full`} />
          <FieldError message={errors.subject} />
        </div>
      )}
      <div>
        <label htmlFor={id("body")} className="block text-xs font-medium">
          Body
        </label>
        <textarea id={id("body")} value={body} onChange={(e) => setBody(e.target.value)} rows={4} aria-invalid={!!errors.body} className={`${INPUT_CLASS} w-full`} />
        <FieldError message={errors.body} />
      </div>
      {mutation.error && !Object.keys(errors).length && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {mutation.error.message}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={mutation.isPending} className="rounded-md bg-indigo-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-indigo-500 disabled:opacity-50">
          {mutation.isPending ? "Retrying…" : "Save and retry"}
        </button>
        <button type="button" onClick={() => onDone()} disabled={mutation.isPending} className="rounded-md px-3 py-1.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 dark:text-slate-300 dark:ring-slate-600 dark:hover:bg-slate-800">
          Discard
        </button>
      </div>
    </form>
  );
}
