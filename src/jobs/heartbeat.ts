import type { Clock } from '../clock.ts';

/** When this instance's worker last finished a job; read by /healthz. */
export interface Heartbeat {
  beat(): void;
  /** The last beat (the heartbeat's creation until the worker's first). */
  last(): Date;
}

/** A heartbeat kept in memory: health is asked per instance, of the worker in that instance. */
export function createHeartbeat(clock: Clock): Heartbeat {
  let last = clock.now();
  return {
    beat: () => {
      last = clock.now();
    },
    last: () => last,
  };
}
