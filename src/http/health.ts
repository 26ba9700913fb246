import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DialectName } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import type { Heartbeat } from '../jobs/heartbeat.ts';

/** How long /healthz waits for the database's answer to a trivial query. */
export const HEALTH_DATABASE_TIMEOUT_MS = 2000;
/** The worker runs every 5 s; this many seconds without a finished job means it is stuck. */
export const WORKER_STALE_MS = 60_000;

/**
 * GET /healthz for load balancers and monitors: 200 when this instance's database answers
 * within HEALTH_DATABASE_TIMEOUT_MS and its worker (when it runs one) finished a job within
 * WORKER_STALE_MS; 503 with the reason otherwise. Never cached, and it names nothing private.
 */
export function healthRoute(
  app: FastifyInstance,
  deps: { db: Db; dialect: DialectName; clock: Clock; heartbeat?: Heartbeat | undefined },
): void {
  app.get('/healthz', async (request, reply) => {
    const problems: string[] = [];
    const database = await databaseAnswers(deps.db);
    if (database !== true) {
      request.log.warn({ err: database }, 'health check: the database did not answer');
      problems.push(
        database instanceof TimeoutError
          ? `database: no answer within ${HEALTH_DATABASE_TIMEOUT_MS} ms`
          : 'database: the query failed',
      );
    }
    const body: Record<string, unknown> = { database: deps.dialect };
    if (deps.heartbeat) {
      const ago = deps.clock.now().getTime() - deps.heartbeat.last().getTime();
      body.workerLastRunSecondsAgo = Math.max(0, Math.round(ago / 1000));
      if (ago > WORKER_STALE_MS)
        problems.push(`worker: no job finished for ${Math.round(ago / 1000)} s`);
    }
    return reply
      .status(problems.length ? 503 : 200)
      .header('cache-control', 'no-store')
      .send(
        problems.length
          ? { status: 'unavailable', reason: problems.join('; '), ...body }
          : { status: 'ok', ...body },
      );
  });
}

class TimeoutError extends Error {}

async function databaseAnswers(db: Db): Promise<true | Error> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), HEALTH_DATABASE_TIMEOUT_MS);
  });
  try {
    await Promise.race([sql`select 1`.execute(db), timeout]);
    return true;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  } finally {
    clearTimeout(timer);
  }
}
