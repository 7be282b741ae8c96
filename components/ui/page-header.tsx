// The title block every console page opens with: the page's name, one line saying what it
// shows, and, on the right (below on a phone), the page's own controls.
import type { ReactNode } from "react";

export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  const heading = (
    <div className="min-w-0">
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      {description && <p className="text-sm text-slate-500 dark:text-slate-400">{description}</p>}
    </div>
  );
  if (!actions) return <div data-testid="page-header">{heading}</div>;
  return (
    <div data-testid="page-header" className="flex flex-wrap items-end justify-between gap-3">
      {heading}
      {actions}
    </div>
  );
}
