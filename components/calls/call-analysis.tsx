// The call's analysis: the summary, the platform's verdicts, and custom_analysis_data as a table.
import { humanize } from "@/components/ui/labels";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function CallAnalysis({ analysis }: { analysis: Record<string, unknown> | null }) {
  if (!analysis) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">Not analyzed yet. The analysis usually arrives shortly after the call ends.</p>;
  }
  const { call_summary: summary, custom_analysis_data: custom, ...rest } = analysis;
  const verdicts = Object.entries(rest).filter(([, v]) => !isRecord(v));
  const customRows = isRecord(custom) ? Object.entries(custom) : [];

  return (
    <div className="space-y-4">
      {typeof summary === "string" && summary && <p className="text-sm leading-relaxed">{summary}</p>}
      {verdicts.length > 0 && (
        <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          {verdicts.map(([key, value]) => (
            <div key={key}>
              <dt className="text-xs text-slate-500 dark:text-slate-400">{humanize(key)}</dt>
              <dd className="font-medium">{show(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      <div>
        <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Custom analysis data</h3>
        {customRows.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">None.</p>
        ) : (
          <div className="overflow-x-auto rounded-md ring-1 ring-inset ring-slate-200 dark:ring-slate-800">
            <table data-testid="analysis-table" className="min-w-full text-sm">
              <tbody>
                {customRows.map(([key, value]) => (
                  <tr key={key} className="border-t border-slate-200 first:border-t-0 dark:border-slate-800">
                    <th scope="row" className="w-2/5 bg-slate-50 px-3 py-1.5 text-left align-top font-mono text-xs font-medium text-slate-600 dark:bg-slate-900 dark:text-slate-300">
                      {key}
                    </th>
                    <td className="px-3 py-1.5 align-top wrap-anywhere">{show(value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
