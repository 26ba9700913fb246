import type { Db } from '../db/database.ts';
import { deleteExpiredSessions } from '../users/user.queries.ts';
import type { Job } from './worker.ts';

/** Deletes expired newsroom sessions. */
export function expireSessionsJob({ db }: { db: Db }): Job {
  return { name: 'expire-sessions', run: (now) => deleteExpiredSessions(db, now) };
}
