// The console's tables: a bordered frame; a header row on wide screens that stays under the
// console's header as the page scrolls; rows that render as cards on a phone (each row
// component decides its own cells). A `fixed` table lays its columns out by the header's
// widths (table-layout: fixed), so long text truncates inside its cell instead of widening
// the table past its frame, and the last (actions) column always keeps its width.
import type { ReactNode } from "react";

const HEAD = "py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";
/** Just below the console's sticky header (app/(console)/layout.tsx, one line from `sm` up). */
const STICKY_HEAD = "sticky top-[var(--console-header,0px)] z-[5] bg-slate-50 shadow-[inset_0_-1px_0] shadow-slate-200 dark:bg-slate-900 dark:shadow-slate-800";

export interface Column {
  key: string;
  label: ReactNode;
  /** Extra classes for the header cell (width, alignment, hidden below xl, …). */
  className?: string;
}

/** A header cell with only a screen-reader label (a column of buttons or toggles). */
export const srOnly = (text: string) => <span className="sr-only">{text}</span>;

interface Props {
  columns: Column[];
  children: ReactNode;
  above?: ReactNode;
  padding?: string;
  /** Column widths from the header cells' classes; cells clip what does not fit. */
  fixed?: boolean;
  testId?: string;
}

export function DataTable({ columns, children, above, padding = "px-2.5", fixed = false, testId }: Props) {
  return (
    // overflow-clip, not overflow-auto: a scrolling frame would become the sticky header's
    // scroll container, and the header would no longer follow the page.
    <div data-testid={testId} className="relative rounded-lg border border-slate-200 bg-white shadow-sm overflow-clip dark:border-slate-800 dark:bg-slate-900">
      {above}
      <table className={`block text-sm lg:table lg:w-full ${fixed ? "lg:table-fixed" : "lg:min-w-full"}`}>
        <thead className="hidden lg:table-header-group">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`${HEAD} ${STICKY_HEAD} ${padding} ${c.className ?? ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block lg:table-row-group">{children}</tbody>
      </table>
    </div>
  );
}
