/** The source of the current time; tests pass a fake one. */
export interface Clock {
  now(): Date;
  /** The same instant in epoch ms, for the per-view paths (a Date costs far more to make). */
  nowMs(): number;
}

export const systemClock: Clock = { now: () => new Date(), nowMs: Date.now };

/** A clock that stands still until told to move; for tests and scripted runs. */
export function fixedClock(
  start: Date | string,
): Clock & { advance(ms: number): void; set(d: Date | string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    nowMs: () => current.getTime(),
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
    set: (d) => {
      current = new Date(d);
    },
  };
}
