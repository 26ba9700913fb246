import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Heartbeat } from './heartbeat.ts';

/** A unit of background work, run on every tick of the worker. */
export interface Job {
  name: string;
  /** Does whatever is due at `now`; returns how many items it handled, for the log. */
  run(now: Date): Promise<number>;
}

/** A running worker loop. */
export interface Worker {
  /** Runs every job once, now (tests drive the worker this way instead of waiting). */
  runOnce(): Promise<void>;
  /** Stops between jobs: waits for the job under way, starts no other. */
  stop(): Promise<void>;
}

/** Starts the background loop that runs the jobs every `intervalMs`. */
export function startWorker({
  jobs,
  clock,
  log,
  intervalMs = 5000,
  heartbeat,
}: {
  jobs: Job[];
  clock: Clock;
  log: FastifyBaseLogger;
  intervalMs?: number;
  /** Beaten after each job, failed or not: the loop is alive (/healthz checks it). */
  heartbeat?: Heartbeat;
}): Worker {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function tick(): Promise<void> {
    for (const job of jobs) {
      if (stopping) return;
      try {
        const handled = await job.run(clock.now());
        if (handled > 0) log.info({ job: job.name, handled }, 'job done');
      } catch (err) {
        // One failing job must not stop the others or the loop.
        log.error({ err, job: job.name }, 'job failed');
      }
      heartbeat?.beat();
    }
  }

  function schedule(): void {
    if (stopping) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  running = tick().finally(schedule);

  return {
    runOnce() {
      running = running.then(tick);
      return running;
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
  };
}
