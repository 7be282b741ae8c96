// Tinted tiles for the overview, one per status and channel. Full class strings so Tailwind finds them.

export const STATUS_TILE_CLASSES: Record<string, string> = {
  pending: "bg-gray-50 ring-gray-200 text-gray-900 dark:bg-gray-900 dark:ring-gray-700 dark:text-gray-100",
  sent: "bg-indigo-50 ring-indigo-200 text-indigo-950 dark:bg-indigo-950/60 dark:ring-indigo-800 dark:text-indigo-100",
  delivered: "bg-green-50 ring-green-200 text-green-950 dark:bg-green-950/60 dark:ring-green-800 dark:text-green-100",
  failed: "bg-amber-50 ring-amber-200 text-amber-950 dark:bg-amber-950/60 dark:ring-amber-800 dark:text-amber-100",
  dead_letter: "bg-red-50 ring-red-200 text-red-950 dark:bg-red-950/60 dark:ring-red-800 dark:text-red-100",
  scheduled: "bg-sky-50 ring-sky-200 text-sky-950 dark:bg-sky-950/60 dark:ring-sky-800 dark:text-sky-100",
};

export const CHANNEL_TILE_CLASSES: Record<string, string> = {
  sms: "bg-violet-50 ring-violet-200 text-violet-950 dark:bg-violet-950/60 dark:ring-violet-800 dark:text-violet-100",
  whatsapp: "bg-emerald-50 ring-emerald-200 text-emerald-950 dark:bg-emerald-950/60 dark:ring-emerald-800 dark:text-emerald-100",
  email: "bg-cyan-50 ring-cyan-200 text-cyan-950 dark:bg-cyan-950/60 dark:ring-cyan-800 dark:text-cyan-100",
};

export const TILE_BASE = "block rounded-lg p-3 ring-1 ring-inset transition hover:ring-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
