import type { Db } from '../db/database.ts';
import { loginThrottle } from '../users/login-throttle.ts';
import { deleteExpiredSessions, deleteStaleLoginAttempts } from '../users/user.queries.ts';
import type { Job } from './worker.ts';

/** Deletes expired newsroom sessions, and failed-login counters a quiet hour has reset anyway. */
export function expireSessionsJob({ db }: { db: Db }): Job {
  return {
    name: 'expire-sessions',
    run: async (now) => {
      const sessions = await deleteExpiredSessions(db, now);
      const before = new Date(now.getTime() - loginThrottle.resetAfterMs);
      return sessions + (await deleteStaleLoginAttempts(db, { before, now }));
    },
  };
}
