import type { Db } from '../db/database.ts';
import { deleteEndedRateLimits } from '../http/rate-limit.queries.ts';
import { loginThrottle } from '../users/login-throttle.ts';
import { deleteExpiredSessions, deleteStaleLoginAttempts } from '../users/user.queries.ts';
import type { Job } from './worker.ts';

/**
 * Deletes expired newsroom sessions, failed-login counters a quiet hour has reset anyway, and
 * rate-limit counters whose window has ended.
 */
export function expireSessionsJob({ db }: { db: Db }): Job {
  return {
    name: 'expire-sessions',
    run: async (now) => {
      const sessions = await deleteExpiredSessions(db, now);
      const before = new Date(now.getTime() - loginThrottle.resetAfterMs);
      const attempts = await deleteStaleLoginAttempts(db, { before, now });
      return sessions + attempts + (await deleteEndedRateLimits(db, now));
    },
  };
}
