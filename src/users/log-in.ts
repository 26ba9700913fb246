import type { Db } from '../db/database.ts';
import { countAttempt, loginThrottle, type ThrottleRule } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { SESSION_TTL_MS, newSessionToken, sessionIdFromToken } from './session.ts';
import { normalizeEmail } from './user.ts';
import {
  deleteLoginAttempt,
  findUserByEmail,
  insertSession,
  lockLoginAttempts,
  refundLoginAttempt,
  updateLoginAttempt,
} from './user.queries.ts';

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

// Verified against when the email is unknown, so both cases take the same time.
const decoyHash = hashPassword('decoy password that never matches');

interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

/** Checks credentials under the login throttle and opens a session on success. */
export async function logIn(
  db: Db,
  { email, password, client, now }: { email: string; password: string; client: string; now: Date },
): Promise<LoginResult> {
  const address = normalizeEmail(email);
  const keys: ThrottleKey[] = [
    { key: `email-client:${client}:${address}`, rule: loginThrottle.emailOnClient },
    { key: `client:${client}`, rule: loginThrottle.client },
    { key: `email:${address}`, rule: loginThrottle.email },
  ];

  // Counted before the password is checked, so a burst of attempts cannot all slip in before the
  // first failure is recorded.
  const attempt = await countLoginAttempt(db, keys, now);
  if (!attempt.admitted) return locked(attempt.until, now);

  const user = await findUserByEmail(db, address);
  const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
  if (!user || !matches || user.disabled_at) {
    const pausedUntil = latest(attempt.pauses.map((p) => p.until));
    return pausedUntil ? locked(pausedUntil, now) : { ok: false, reason: 'invalid' };
  }

  // Right: this email on this client starts afresh; the shared keys just get the attempt back.
  await deleteLoginAttempt(db, keys[0]!.key);
  for (const { key, until } of attempt.pauses.slice(1)) await refundLoginAttempt(db, key, until);

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

// When admitted, `pauses` follows the order of the keys: the pause the attempt opened on each.
type Counted =
  | { admitted: false; until: Date }
  | { admitted: true; pauses: { key: string; until: Date | null }[] };

/** Counts an attempt on every key in one transaction: admitted on all of them, or refused. */
async function countLoginAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<Counted> {
  return db.transaction().execute(async (trx) => {
    const rows = await lockLoginAttempts(
      trx,
      keys.map((k) => k.key),
      now,
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const outcomes = keys.map(({ key, rule }) => {
      const row = byKey.get(key)!;
      const state = {
        failures: Number(row.failures),
        lastFailedAt: new Date(row.last_failed_at),
        lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
      };
      return { key, outcome: countAttempt(state, rule, now) };
    });

    const refusedUntil = latest(
      outcomes.map(({ outcome }) => (outcome.admitted ? null : outcome.until)),
    );
    if (refusedUntil) return { admitted: false, until: refusedUntil };

    const pauses: { key: string; until: Date | null }[] = [];
    for (const { key, outcome } of outcomes) {
      if (!outcome.admitted) continue;
      await updateLoginAttempt(trx, key, outcome.next);
      pauses.push({ key, until: outcome.next.lockedUntil });
    }
    return { admitted: true, pauses };
  });
}

function latest(dates: (Date | null)[]): Date | undefined {
  let max: Date | undefined;
  for (const d of dates) if (d && (!max || d > max)) max = d;
  return max;
}

function locked(until: Date, now: Date): LoginResult {
  return {
    ok: false,
    reason: 'locked',
    retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000),
  };
}
