// Runs `task` over `items` with at most `limit` in flight, reporting each outcome as it lands.
// A failure is recorded, never thrown: one bad item does not stop the rest.

export interface BoundedOutcome<T> {
  item: T;
  error?: Error;
}

export async function runBounded<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<unknown>,
  onOutcome: (outcome: BoundedOutcome<T>) => void,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
        onOutcome({ item });
      } catch (err) {
        onOutcome({ item, error: err instanceof Error ? err : new Error(String(err)) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
