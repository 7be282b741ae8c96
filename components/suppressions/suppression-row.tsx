"use client";

// One suppression: who and channel, why, since when, the last change, and Lift (asks why).
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import { RelativeTime } from "@/components/ui/relative-time";
import { INPUT_CLASS } from "@/components/ui/field-errors";
import { SECONDARY_BUTTON } from "@/components/ui/field";
import { SUPPRESSIONS_KEY } from "./add-suppression-form";
import { CHANNEL_LABELS, changeLine, type ApiSuppression } from "./types";

const CELL = "block px-2.5 py-1 lg:table-cell lg:py-2 align-top";

export function SuppressionRow({ s, clientName, now }: { s: ApiSuppression; clientName: string; now: number }) {
  const queryClient = useQueryClient();
  const [lifting, setLifting] = useState(false);
  const [reason, setReason] = useState("");
  const lift = useMutation({
    mutationFn: () => fetchJson("/api/suppressions", { method: "DELETE", json: { id: s.id, reason } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SUPPRESSIONS_KEY }),
  });
  return (
    <tr data-testid="suppression-row" className="block border-t border-slate-100 py-2 lg:table-row lg:py-0 dark:border-slate-800">
      <td className={`${CELL} font-mono text-xs`}>{s.address}</td>
      <td className={CELL}>{clientName}</td>
      <td className={CELL}>
        {CHANNEL_LABELS[s.channel] ?? s.channel}
        {s.scope === "marketing" && <span className="ml-1 text-xs text-slate-500">(marketing only)</span>}
      </td>
      <td className={CELL}>
        <div>{s.reason}</div>
        {s.lastChange && (
          <div data-testid="audit-line" className="text-xs text-slate-500 dark:text-slate-400">
            {changeLine(s.lastChange)} · <RelativeTime iso={s.lastChange.createdAt} now={now} />
          </div>
        )}
      </td>
      <td className={`${CELL} whitespace-nowrap text-slate-500`}>
        <RelativeTime iso={s.createdAt} now={now} />
      </td>
      <td className={`${CELL} lg:text-right`}>
        {lifting ? (
          <form
            className="flex flex-wrap items-end justify-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              lift.mutate();
            }}
          >
            <input aria-label={`Why lift ${s.address}`} value={reason} onChange={(e) => setReason(e.target.value)} required placeholder="Why" className={`${INPUT_CLASS} mt-0 w-48`} />
            <button type="submit" disabled={lift.isPending} className={SECONDARY_BUTTON}>
              {lift.isPending ? "Lifting…" : "Confirm lift"}
            </button>
            {lift.error && <span role="alert" className="text-xs text-red-700 dark:text-red-300">{lift.error.message}</span>}
          </form>
        ) : (
          <button type="button" onClick={() => setLifting(true)} className={SECONDARY_BUTTON} aria-label={`Lift ${s.address}`}>
            Lift
          </button>
        )}
      </td>
    </tr>
  );
}
