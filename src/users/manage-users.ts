import type { DialectName } from '../db/connect.ts';
import type { Db, Trx } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { enqueueAccountLinkMail, type AccountMailSite } from './account-mails.tsx';
import { hashPassword } from './password.ts';
import { SESSION_TTL_MS, newSessionToken, sessionIdFromToken } from './session.ts';
import { normalizeEmail, type CurrentUser } from './user.ts';
import type { AccountLinkPurpose, Role } from './user.table.ts';
import {
  countOtherEnabledAdmins,
  deleteAccountLinks,
  deleteUserSessions,
  findUserListing,
  insertAccountLink,
  insertSession,
  insertUser,
  lockEnabledAdmins,
  takeAccountLink,
  updateUserDisabledAt,
  updateUserPassword,
  updateUserProfile,
  type UserListing,
} from './user.queries.ts';

/** How long a link stays valid: a week to accept an invitation, a day to reset a password. */
export const LINK_TTL_MS: Record<AccountLinkPurpose, number> = {
  invitation: 7 * 24 * 60 * 60_000,
  'password-reset': 24 * 60 * 60_000,
};

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Why an account change was refused. */
export type AccountRefusal = 'not-found' | 'self' | 'last-admin' | 'email-taken' | 'disabled';

/** A change an admin makes to someone's account. */
export type AccountChange =
  | { kind: 'profile'; name: string; byline: string; role: Role }
  | { kind: 'disable' }
  | { kind: 'enable' };

type Outcome<T = object> = ({ ok: true } & T) | { ok: false; refusal: AccountRefusal };

/**
 * Whether an admin may make a change. Nobody changes their own role or disables themselves
 * (an admin cannot lock the newsroom out by mistake), and the last enabled admin stays one.
 */
export function checkAccountChange(
  actor: { id: number },
  target: UserListing,
  change: AccountChange,
  otherEnabledAdmins: number,
): AccountRefusal | null {
  const losesAdmin =
    target.role === 'admin' &&
    !target.disabledAt &&
    !target.invited &&
    (change.kind === 'disable' || (change.kind === 'profile' && change.role !== 'admin'));
  const touchesAccess =
    change.kind === 'disable' || (change.kind === 'profile' && change.role !== target.role);
  if (actor.id === target.id && touchesAccess) return 'self';
  if (losesAdmin && otherEnabledAdmins === 0) return 'last-admin';
  return null;
}

/** A fresh one-time token for a link, and the hash it is stored under. */
function newLinkToken(): { token: string; hash: string } {
  const token = newSessionToken();
  return { token, hash: sessionIdFromToken(token) };
}

/** The page where a link's token is used. */
export function accountLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/compte/${token}`;
}

/** Stores a new link for an account (replacing older ones) and queues the mail that carries it. */
async function issueLink(
  trx: Trx,
  {
    user,
    purpose,
    by,
    now,
    site,
  }: {
    user: { id: number; email: string; name: string };
    purpose: AccountLinkPurpose;
    by: CurrentUser;
    now: Date;
    site: AccountMailSite;
  },
): Promise<void> {
  await deleteAccountLinks(trx, user.id);
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS[purpose]);
  await insertAccountLink(trx, {
    token_hash: hash,
    user_id: user.id,
    purpose,
    created_by: by.id,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
  });
  await enqueueAccountLinkMail(trx, {
    purpose,
    user,
    inviter: by.name,
    link: accountLinkUrl(site.publicUrl, token),
    linkId: hash.slice(0, 16),
    expiresAt,
    site,
    now,
  });
}

/**
 * Invites someone into the newsroom: an account without a password, and a mail with a link to
 * choose one. Until then the account cannot sign in.
 */
export async function inviteUser(
  db: Db,
  input: {
    email: string;
    name: string;
    byline: string;
    role: Role;
    by: CurrentUser;
    now: Date;
    site: AccountMailSite;
  },
): Promise<Outcome<{ userId: number }>> {
  const email = normalizeEmail(input.email);
  try {
    return await db.transaction().execute(async (trx) => {
      const user = await insertUser(trx, {
        email,
        name: input.name,
        byline: input.byline,
        role: input.role,
        // No hash matches the empty string: the account waits for its invitation to be used.
        password_hash: '',
        disabled_at: null,
        created_at: input.now.toISOString(),
      });
      await issueLink(trx, { ...input, user, purpose: 'invitation' });
      return { ok: true as const, userId: user.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, refusal: 'email-taken' };
    throw err;
  }
}

/** Sends an account a new link: the invitation again if it is still pending, else a password reset. */
export async function sendAccountLink(
  db: Db,
  input: { userId: number; by: CurrentUser; now: Date; site: AccountMailSite },
): Promise<Outcome<{ purpose: AccountLinkPurpose }>> {
  return db.transaction().execute(async (trx) => {
    const user = await findUserListing(trx, input.userId);
    if (!user) return { ok: false, refusal: 'not-found' };
    if (user.disabledAt) return { ok: false, refusal: 'disabled' };
    const purpose: AccountLinkPurpose = user.invited ? 'invitation' : 'password-reset';
    await issueLink(trx, { ...input, user, purpose });
    return { ok: true, purpose };
  });
}

/** Applies an admin's change to an account under the rules of checkAccountChange. */
export async function changeAccount(
  db: Db,
  dialect: DialectName,
  input: { userId: number; change: AccountChange; by: CurrentUser; now: Date },
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    await lockEnabledAdmins(trx, dialect);
    const target = await findUserListing(trx, input.userId);
    if (!target) return { ok: false, refusal: 'not-found' };
    const others = await countOtherEnabledAdmins(trx, target.id);
    const refusal = checkAccountChange(input.by, target, input.change, others);
    if (refusal) return { ok: false, refusal };
    const { change } = input;
    if (change.kind === 'profile') {
      await updateUserProfile(trx, target.id, {
        name: change.name,
        byline: change.byline,
        role: change.role,
      });
    } else if (change.kind === 'disable') {
      await updateUserDisabledAt(trx, target.id, input.now);
      // Signed out at once, and no pending link can bring the account back.
      await deleteUserSessions(trx, target.id);
      await deleteAccountLinks(trx, target.id);
    } else {
      await updateUserDisabledAt(trx, target.id, null);
    }
    return { ok: true };
  });
}

/**
 * Uses a link: sets the chosen password, ends the account's other sessions and links, and opens
 * a session. The link is taken first, so it works once even under concurrent submissions.
 */
export async function useAccountLink(
  db: Db,
  { tokenHash, password, now }: { tokenHash: string; password: string; now: Date },
): Promise<{ ok: true; token: string; expiresAt: Date } | { ok: false }> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const link = await takeAccountLink(trx, tokenHash);
    const user = link && (await findUserListing(trx, link.user_id));
    if (!link || !user || user.disabledAt || Date.parse(link.expires_at) <= now.getTime())
      return { ok: false };
    await updateUserPassword(trx, user.id, passwordHash);
    await deleteAccountLinks(trx, user.id);
    await deleteUserSessions(trx, user.id);
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await insertSession(trx, {
      id: sessionIdFromToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
    });
    return { ok: true, token, expiresAt };
  });
}
