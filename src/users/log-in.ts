import type { Db } from '../db/database.ts';
import { lockDurationMs, loginThrottle } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { SESSION_TTL_MS, newSessionToken, sessionIdFromToken } from './session.ts';
import { normalizeEmail } from './user.ts';
import {
  deleteLoginAttempt,
  findLoginAttempt,
  findUserByEmail,
  incrementLoginFailures,
  insertSession,
  updateLoginLock,
} from './user.queries.ts';

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

// Verified against when the email is unknown, so both cases take the same time.
const decoyHash = hashPassword('decoy password that never matches');

/** Checks credentials under the login throttle and opens a session on success. */
export async function logIn(
  db: Db,
  { email, password, client, now }: { email: string; password: string; client: string; now: Date },
): Promise<LoginResult> {
  const address = normalizeEmail(email);
  const keys = [
    { key: `email:${address}`, free: loginThrottle.freeFailuresPerEmail },
    { key: `client:${client}`, free: loginThrottle.freeFailuresPerClient },
  ];

  const lockedUntil = await latestLock(
    db,
    keys.map((k) => k.key),
    now,
  );
  if (lockedUntil) return locked(lockedUntil, now);

  const user = await findUserByEmail(db, address);
  const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
  if (!user || !matches || user.disabled_at) {
    const lockUntil = await recordFailure(db, keys, now);
    return lockUntil ? locked(lockUntil, now) : { ok: false, reason: 'invalid' };
  }

  await deleteLoginAttempt(db, keys[0]!.key);
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await insertSession(db, {
    id: sessionIdFromToken(token),
    userId: user.id,
    createdAt: now,
    expiresAt,
  });
  return { ok: true, token, expiresAt };
}

async function latestLock(db: Db, keys: string[], now: Date): Promise<Date | undefined> {
  let latest: Date | undefined;
  for (const key of keys) {
    const attempt = await findLoginAttempt(db, key);
    const until = attempt?.locked_until ? new Date(attempt.locked_until) : undefined;
    if (until && until > now && (!latest || until > latest)) latest = until;
  }
  return latest;
}

async function recordFailure(
  db: Db,
  keys: { key: string; free: number }[],
  now: Date,
): Promise<Date | undefined> {
  const resetBefore = new Date(now.getTime() - loginThrottle.resetAfterMs);
  return db.transaction().execute(async (trx) => {
    let latest: Date | undefined;
    for (const { key, free } of keys) {
      const failures = await incrementLoginFailures(trx, { key, now, resetBefore });
      const ms = lockDurationMs(failures, free);
      if (ms > 0) {
        const until = new Date(now.getTime() + ms);
        await updateLoginLock(trx, key, until);
        if (!latest || until > latest) latest = until;
      }
    }
    return latest;
  });
}

function locked(until: Date, now: Date): LoginResult {
  return {
    ok: false,
    reason: 'locked',
    retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000),
  };
}
