// A titled card on the overview; `action` sits at the right of the title (a link, a count).
import type { ReactNode } from "react";

export function Panel({ id, title, action, children, className = "" }: { id: string; title: string; action?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id} className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}>
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={id + "-title"} className="text-sm font-semibold text-slate-700 dark:text-slate-200">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

export function SectionTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
      {children}
    </h2>
  );
}
