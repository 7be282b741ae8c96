// A call's length as a clock reads it (the messages pages say "1.2 s" instead: ui/format.ts).

/** 150000 → "2:30"; an hour or more → "1:02:03". */
export function formatCallDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
