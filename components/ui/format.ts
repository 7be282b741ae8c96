// Small display formats shared by the messages and overview pages.

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Integer cents as dollars: 1234 → "$12.34". */
export function formatCents(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? "—" : money.format(cents / 100);
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function formatAbsolute(iso: string): string {
  return absolute.format(new Date(iso));
}
