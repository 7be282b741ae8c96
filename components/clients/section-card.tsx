// One editable part of a client: a titled card whose footer saves just that part.
import type { FormEvent, ReactNode } from "react";
import { PRIMARY_BUTTON } from "@/components/ui/field";
import type { SaveState } from "./use-save-client";

export function SectionCard({
  id,
  title,
  description,
  state,
  onSubmit,
  children,
  saveLabel = "Save",
}: {
  id: string;
  title: string;
  description?: ReactNode;
  state?: SaveState;
  onSubmit?: () => void;
  children: ReactNode;
  saveLabel?: string;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit?.();
  };
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`section-${id}`} className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <form onSubmit={submit} noValidate>
        <div className="border-b border-slate-200 px-4 py-3 dark:border-slate-800">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-sm text-slate-500 dark:text-slate-400">{description}</p>}
        </div>
        <div className="px-4 py-4">{children}</div>
        {state && onSubmit && (
          <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 bg-slate-50 px-4 py-2.5 dark:border-slate-800 dark:bg-slate-900/60">
            <p aria-live="polite" className="mr-auto min-h-5 text-sm">
              {state.problem ? (
                <span role="alert" data-testid="save-problem" className="text-red-700 dark:text-red-300">
                  {state.problem}
                </span>
              ) : state.savedAt ? (
                <span data-testid="saved" className="text-green-700 dark:text-green-300">
                  Saved.
                </span>
              ) : null}
            </p>
            <button type="submit" disabled={state.saving} className={PRIMARY_BUTTON}>
              {state.saving ? "Saving…" : saveLabel}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
