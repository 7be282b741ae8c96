// Alert throttling by fingerprint: the same problem is announced at most once per window.
// Repeats inside the window are counted; when the window ends, one summary ("N more")
// goes out and starts the next window, so an outage that goes on costs one message per
// window. A repeat that arrives after the window ended but before the summary was swept
// carries the count itself ("and N more"). Time comes from the injected clock only.

export interface ThrottleDecision<T> {
  /** Send this occurrence as a full alert; `earlier` repeats are folded into it. */
  send: boolean;
  earlier: number;
  sample: T;
}

export interface Summary<T> {
  fingerprint: string;
  count: number;
  /** The most recent repeat, to show what it looks like now. */
  sample: T;
  windowMs: number;
}

interface Group<T> {
  windowEndsAt: number;
  suppressed: number;
  sample: T;
}

export interface Throttle<T> {
  /** `count`: how many occurrences this one stands for (the error log folds repeats into one event). */
  occur(fingerprint: string, sample: T, count?: number): ThrottleDecision<T>;
  /** Summaries of the windows that have ended; each starts a new window. */
  sweep(): Summary<T>[];
  /** Summaries of every group with repeats, ended or not (at shutdown). */
  drain(): Summary<T>[];
  size(): number;
}

export function createThrottle<T>(opts: { windowMs: number; clock: () => Date; maxGroups?: number }): Throttle<T> {
  const groups = new Map<string, Group<T>>();
  const maxGroups = opts.maxGroups ?? 10_000;
  const now = () => opts.clock().getTime();

  return {
    occur(fingerprint, sample, count = 1) {
      const t = now();
      const group = groups.get(fingerprint);
      if (group && t < group.windowEndsAt) {
        group.suppressed += count;
        group.sample = sample;
        return { send: false, earlier: 0, sample };
      }
      const earlier = group?.suppressed ?? 0;
      // Bounded memory: a flood of distinct fingerprints forgets the oldest quiet ones first.
      if (!group && groups.size >= maxGroups) groups.delete(groups.keys().next().value!);
      groups.delete(fingerprint);
      groups.set(fingerprint, { windowEndsAt: t + opts.windowMs, suppressed: count - 1, sample });
      return { send: true, earlier, sample };
    },
    sweep() {
      const t = now();
      const due: Summary<T>[] = [];
      for (const [fingerprint, group] of groups) {
        if (t < group.windowEndsAt) continue;
        if (group.suppressed === 0) {
          groups.delete(fingerprint);
          continue;
        }
        due.push({ fingerprint, count: group.suppressed, sample: group.sample, windowMs: opts.windowMs });
        groups.set(fingerprint, { windowEndsAt: t + opts.windowMs, suppressed: 0, sample: group.sample });
      }
      return due;
    },
    drain() {
      const due: Summary<T>[] = [];
      for (const [fingerprint, group] of groups) {
        if (group.suppressed > 0) due.push({ fingerprint, count: group.suppressed, sample: group.sample, windowMs: opts.windowMs });
      }
      groups.clear();
      return due;
    },
    size: () => groups.size,
  };
}
