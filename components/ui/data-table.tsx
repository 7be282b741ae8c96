// The console's tables: a bordered, scrollable frame; a header row on wide screens; rows
// that render as cards on a phone (each row component decides its own cells).
import type { ReactNode } from "react";

const HEAD = "py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

export interface Column {
  key: string;
  label: ReactNode;
  /** Extra classes for the header cell (width, alignment, hidden below xl, …). */
  className?: string;
}

/** A header cell with only a screen-reader label (a column of buttons or toggles). */
export const srOnly = (text: string) => <span className="sr-only">{text}</span>;

export function DataTable({ columns, children, above, padding = "px-2.5" }: { columns: Column[]; children: ReactNode; above?: ReactNode; padding?: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      {above}
      <table className="block text-sm lg:table lg:min-w-full">
        <thead className="hidden bg-slate-50 lg:table-header-group dark:bg-slate-900">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`${HEAD} ${padding} ${c.className ?? ""}`}>
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
