/**
 * Counts kept in memory between batched writes (ad impressions and clicks, article views,
 * short-link visits): counting is a map update, never a database write, and the counts reach
 * the database in one transaction on a timer and when the app closes.
 */
export interface PendingCounts {
  /** Adds to the count under `key` (the feature's `id|day`-style key). */
  add(key: string, by?: number): void;
  readonly size: number;
}

/** A new, empty set of pending counts. */
export function pendingCounts(): PendingCounts & {
  take(): Map<string, number>;
  putBack(batch: Map<string, number>): void;
} {
  let counts = new Map<string, number>();
  const add = (key: string, by = 1) => void counts.set(key, (counts.get(key) ?? 0) + by);
  return {
    add,
    get size() {
      return counts.size;
    },
    take() {
      const batch = counts;
      counts = new Map();
      return batch;
    },
    putBack(batch) {
      for (const [key, n] of batch) add(key, n);
    },
  };
}

/**
 * Takes the counts of several sets at once and hands them to `write`; when the write fails,
 * they are put back for the next try rather than lost (and the error goes on).
 */
export async function writePendingCounts(
  sets: ReturnType<typeof pendingCounts>[],
  write: (batches: Map<string, number>[]) => Promise<void>,
): Promise<void> {
  const batches = sets.map((s) => s.take());
  try {
    await write(batches);
  } catch (err) {
    sets.forEach((s, i) => s.putBack(batches[i]!));
    throw err;
  }
}

/** The `id|rest` key of a count (an article's views in an hour, a slot's on a day). */
export function countKey(id: number, rest: string): string {
  return `${id}|${rest}`;
}

/** Splits a `id|rest` key into its number and the rest. */
export function splitCountKey(key: string): [number, string] {
  const bar = key.indexOf('|');
  return [Number(key.slice(0, bar)), key.slice(bar + 1)];
}
