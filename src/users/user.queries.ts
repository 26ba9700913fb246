import type { DialectName } from '../db/connect.ts';
import type { Db, DbOrTrx, Trx } from '../db/database.ts';
import type { CurrentUser } from './user.ts';
import type { AccountLink, LoginAttempt, NewUser, Role, User } from './user.table.ts';

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
    .select(['u.id', 'u.email', 'u.name', 'u.byline', 'u.role', 's.id as sessionId'])
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

/**
 * Takes the throttle counters of these keys for one login attempt: creates the missing ones and
 * returns them all, locked until the transaction ends (rows locked on PostgreSQL, the database
 * on SQLite), so concurrent attempts are counted one after another.
 */
export async function lockLoginAttempts(
  trx: Trx,
  keys: string[],
  now: Date,
): Promise<LoginAttempt[]> {
  return (
    trx
      .insertInto('login_attempts')
      // A fixed order, so two attempts sharing keys cannot wait on each other in a circle.
      .values(
        [...keys].sort().map((key) => ({
          key,
          failures: 0,
          last_failed_at: now.toISOString(),
          locked_until: null,
        })),
      )
      // A write that changes nothing, so that the existing rows are locked and returned.
      .onConflict((oc) => oc.column('key').doUpdateSet({ key: (eb) => eb.ref('excluded.key') }))
      .returningAll()
      .execute()
  );
}

/** Stores a throttle counter's new state. */
export async function updateLoginAttempt(
  trx: Trx,
  key: string,
  state: { failures: number; lastFailedAt: Date; lockedUntil: Date | null },
): Promise<void> {
  await trx
    .updateTable('login_attempts')
    .set({
      failures: state.failures,
      last_failed_at: state.lastFailedAt.toISOString(),
      locked_until: state.lockedUntil?.toISOString() ?? null,
    })
    .where('key', '=', key)
    .execute();
}

/**
 * Gives back an attempt that turned out right: one count less, and the pause it opened lifted
 * (unless a later attempt has set another since).
 */
export async function refundLoginAttempt(
  db: DbOrTrx,
  key: string,
  pausedUntil: Date | null,
): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set((eb) => ({
      failures: eb
        .case()
        .when('failures', '>', 0)
        .then(eb('failures', '-', 1))
        .else(0)
        .end(),
      locked_until: pausedUntil
        ? eb
            .case()
            .when('locked_until', '=', pausedUntil.toISOString())
            .then(null)
            .else(eb.ref('locked_until'))
            .end()
        : eb.ref('locked_until'),
    }))
    .where('key', '=', key)
    .execute();
}

/** Forgets the throttle counter of a key. */
export async function deleteLoginAttempt(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Removes throttle counters quiet since `before` and no longer pausing anyone; returns how many. */
export async function deleteStaleLoginAttempts(
  db: DbOrTrx,
  { before, now }: { before: Date; now: Date },
): Promise<number> {
  const result = await db
    .deleteFrom('login_attempts')
    .where('last_failed_at', '<', before.toISOString())
    .where((eb) =>
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.toISOString())]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
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

/** The members with these ids as a byline names them (the editor's preview), in any order. */
export async function listBylineUsers(
  db: DbOrTrx,
  ids: readonly number[],
): Promise<{ id: number; name: string; byline: string }[]> {
  if (!ids.length) return [];
  return db.selectFrom('users').select(['id', 'name', 'byline']).where('id', 'in', ids).execute();
}

/** A newsroom account as the user admin lists it; never carries the password hash. */
export interface UserListing {
  id: number;
  email: string;
  name: string;
  byline: string;
  role: Role;
  disabledAt: string | null;
  createdAt: string;
  /** Invited but has not chosen a password yet. */
  invited: boolean;
}

const listingColumns = [
  'id',
  'email',
  'name',
  'byline',
  'role',
  'disabled_at as disabledAt',
  'created_at as createdAt',
] as const;

/** Every newsroom account: enabled ones first, then by name. */
export async function listUsers(db: DbOrTrx): Promise<UserListing[]> {
  const rows = await db
    .selectFrom('users')
    .select(listingColumns)
    .select((eb) => eb('password_hash', '=', '').as('invited'))
    .orderBy((eb) => eb.case().when('disabled_at', 'is', null).then(0).else(1).end())
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, invited: Boolean(r.invited) }));
}

/** One account as the user admin shows it. */
export async function findUserListing(
  db: DbOrTrx,
  userId: number,
): Promise<UserListing | undefined> {
  const row = await db
    .selectFrom('users')
    .select(listingColumns)
    .select((eb) => eb('password_hash', '=', '').as('invited'))
    .where('id', '=', userId)
    .executeTakeFirst();
  return row && { ...row, invited: Boolean(row.invited) };
}

/** Changes an account's name and role. */
export async function updateUserProfile(
  db: DbOrTrx,
  userId: number,
  { name, byline, role }: { name: string; byline: string; role: Role },
): Promise<void> {
  await db.updateTable('users').set({ name, byline, role }).where('id', '=', userId).execute();
}

/** Sets how a member signs their articles (empty: never pre-signed). */
export async function updateUserByline(db: DbOrTrx, userId: number, byline: string): Promise<void> {
  await db.updateTable('users').set({ byline }).where('id', '=', userId).execute();
}

/** Disables an account (a date) or enables it again (null). */
export async function updateUserDisabledAt(
  db: DbOrTrx,
  userId: number,
  disabledAt: Date | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: disabledAt?.toISOString() ?? null })
    .where('id', '=', userId)
    .execute();
}

/** Ends every session of an account. */
export async function deleteUserSessions(db: DbOrTrx, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** How many enabled admins there are, besides the given account. */
export async function countOtherEnabledAdmins(db: DbOrTrx, userId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('password_hash', '!=', '')
    .where('id', '!=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stores a one-time account link (its token's hash). */
export async function insertAccountLink(db: DbOrTrx, link: AccountLink): Promise<void> {
  await db.insertInto('account_links').values(link).execute();
}

/** The unexpired link behind a token hash, with its enabled account. */
export async function findAccountLink(
  db: DbOrTrx,
  tokenHash: string,
  now: Date,
): Promise<(AccountLink & { email: string; name: string }) | undefined> {
  return db
    .selectFrom('account_links as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .selectAll('l')
    .select(['u.email', 'u.name'])
    .where('l.token_hash', '=', tokenHash)
    .where('l.expires_at', '>', now.toISOString())
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Takes a link for use: deletes it and returns it, so two concurrent uses cannot both succeed. */
export async function takeAccountLink(
  db: DbOrTrx,
  tokenHash: string,
): Promise<AccountLink | undefined> {
  return db
    .deleteFrom('account_links')
    .where('token_hash', '=', tokenHash)
    .returningAll()
    .executeTakeFirst();
}

/** Forgets every link of an account; returns how many there were. */
export async function deleteAccountLinks(db: DbOrTrx, userId: number): Promise<number> {
  const result = await db
    .deleteFrom('account_links')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** When an account's latest unexpired link runs out, if it has one. */
export async function findLatestLinkExpiry(
  db: DbOrTrx,
  userId: number,
  now: Date,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('account_links')
    .select('expires_at')
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .orderBy('expires_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.expires_at;
}

/**
 * Locks the enabled admins' rows until the transaction ends (PostgreSQL; SQLite transactions
 * are serial already), so two admins demoting each other at once cannot leave none.
 */
export async function lockEnabledAdmins(trx: DbOrTrx, dialect: DialectName): Promise<void> {
  const admins = trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null);
  await (dialect === 'postgres' ? admins.forUpdate() : admins).execute();
}

/** Whether a link whose hash starts with this prefix is still unexpired (for its queued mail). */
export async function accountLinkIsLive(
  db: DbOrTrx,
  hashPrefix: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('account_links')
    .select('user_id')
    .where('token_hash', 'like', `${hashPrefix.replace(/[^0-9a-f]/g, '')}%`)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row !== undefined;
}
