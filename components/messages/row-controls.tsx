"use client";

import { useMe } from "@/components/auth/use-me";

// The leading cell of a message row: a selection box (only where bulk retry can act) and the
// expand toggle, both ordinary focusable controls.
export function RowControls({
  id,
  selectable,
  selected,
  onSelect,
  expanded,
  onToggle,
  controls,
}: {
  id: string;
  selectable: boolean;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  expanded: boolean;
  onToggle: () => void;
  controls: string;
}) {
  const { can } = useMe(); // selecting is for bulk retry: no box for a role that may not retry
  return (
    <span className="flex items-center gap-1.5">
      {selectable && can("retry") ? (
        <input
          type="checkbox"
          checked={selected}
          onChange={(e) => onSelect(id, e.target.checked)}
          aria-label={`Select ${id} for bulk retry`}
          data-testid="row-select"
          className="h-4 w-4 rounded border-slate-300 accent-indigo-600 dark:border-slate-600"
        />
      ) : (
        <span aria-hidden className="inline-block w-4" />
      )}
      <button
        type="button"
        onClick={onToggle}
        aria-expanded={expanded}
        aria-controls={expanded ? controls : undefined}
        aria-label={expanded ? "Hide details" : "Show details"}
        className="grid h-6 w-6 place-items-center rounded text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-700 dark:hover:text-white"
      >
        <svg aria-hidden viewBox="0 0 20 20" className={`h-4 w-4 transition-transform ${expanded ? "rotate-90" : ""}`} fill="currentColor">
          <path d="M7.2 4.7a.75.75 0 0 1 1.06 0l4.77 4.77a.75.75 0 0 1 0 1.06l-4.77 4.77a.75.75 0 1 1-1.06-1.06L11.44 10 7.2 5.76a.75.75 0 0 1 0-1.06Z" />
        </svg>
      </button>
    </span>
  );
}
