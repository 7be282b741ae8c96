// A count beside a nav link (unresolved critical errors, unread replies): a round pill,
// "99+" past 99, the words for screen readers and on hover; nothing at zero.
const TONES = { red: "bg-red-600", indigo: "bg-indigo-600" } as const;

export function NavCountBadge({ count, words, tone, testId }: { count: number; words: string; tone: keyof typeof TONES; testId: string }) {
  if (!count) return null;
  return (
    <span
      data-testid={testId}
      data-count={count}
      title={words}
      className={`ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full ${TONES[tone]} px-1.5 text-xs font-semibold tabular-nums leading-5 text-white`}
    >
      <span aria-hidden>{count > 99 ? "99+" : count}</span>
      <span className="sr-only">, {words}</span>
    </span>
  );
}
