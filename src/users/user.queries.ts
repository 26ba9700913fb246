import type { Db, DbOrTrx } from '../db/database.ts';
import type { CurrentUser } from './user.ts';
import type { LoginAttempt, NewUser, User } from './user.table.ts';

/** The account with this (normalized) email, if any. */
export async function findUserByEmail(db: DbOrTrx, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Inserts an account and returns it. */
export async function insertUser(db: DbOrTrx, user: NewUser): Promise<User> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

/** Replaces an account's password hash. */
export async function updateUserPassword(
  db: DbOrTrx,
  userId: number,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .execute();
}

/** Stores a new session. */
export async function insertSession(
  db: DbOrTrx,
  session: { id: string; userId: number; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: session.createdAt.toISOString(),
      expires_at: session.expiresAt.toISOString(),
    })
    .execute();
}

/** The enabled user behind an unexpired session, if any. */
export async function findSessionUser(
  db: Db,
  sessionId: string,
  now: Date,
): Promise<CurrentUser | undefined> {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 's.id as sessionId'])
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', now.toISOString())
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Ends a session. */
export async function deleteSession(db: DbOrTrx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Removes expired sessions; returns how many. */
export async function deleteExpiredSessions(db: DbOrTrx, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The failed-login counter for a key, if any. */
export async function findLoginAttempt(
  db: DbOrTrx,
  key: string,
): Promise<LoginAttempt | undefined> {
  return db.selectFrom('login_attempts').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Counts one more failed login for a key (restarting from 1 after a quiet period); returns the count. */
export async function incrementLoginFailures(
  db: DbOrTrx,
  { key, now, resetBefore }: { key: string; now: Date; resetBefore: Date },
): Promise<number> {
  const row = await db
    .insertInto('login_attempts')
    .values({ key, failures: 1, last_failed_at: now.toISOString(), locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        // Atomic in the database, so concurrent failures from several instances all count.
        failures: eb
          .case()
          .when('login_attempts.last_failed_at', '<', resetBefore.toISOString())
          .then(1)
          .else(eb('login_attempts.failures', '+', 1))
          .end(),
        last_failed_at: now.toISOString(),
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** Sets until when a key is locked out. */
export async function updateLoginLock(
  db: DbOrTrx,
  key: string,
  lockedUntil: Date | null,
): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set({ locked_until: lockedUntil?.toISOString() ?? null })
    .where('key', '=', key)
    .execute();
}

/** Forgets the failed-login counter for a key. */
export async function deleteLoginAttempt(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** The display name of an account, if it exists. */
export async function findUserName(db: DbOrTrx, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const row = await db
    .selectFrom('users')
    .select('name')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.name ?? null;
}

/** Newsroom members who can sign articles, by name. */
export async function listWriters(db: DbOrTrx): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('role', '!=', 'moderator')
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute();
}
