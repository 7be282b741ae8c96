// Collects what arrives and hands it over in batches, at most one batch per `intervalMs`: the
// first item after a quiet spell goes out on the next tick (a synchronous burst still travels
// together), later ones wait out the interval. A burst of a thousand live events costs a handful
// of flushes, and as many renders, not a thousand.

export interface EventBuffer<T> {
  push(item: T): void;
  /** Drops what is waiting; nothing is flushed after this. */
  dispose(): void;
}

export function createEventBuffer<T>(onFlush: (items: T[]) => void, intervalMs: number): EventBuffer<T> {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlushAt = 0;

  const flush = () => {
    timer = undefined;
    lastFlushAt = Date.now();
    const batch = items;
    items = [];
    onFlush(batch);
  };

  return {
    push(item) {
      items.push(item);
      timer ??= setTimeout(flush, Math.max(0, lastFlushAt + intervalMs - Date.now()));
    },
    dispose() {
      clearTimeout(timer);
      timer = undefined;
      items = [];
    },
  };
}
