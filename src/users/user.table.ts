import type { Generated, Insertable, Selectable } from 'kysely';

export type Role = 'admin' | 'editor' | 'author' | 'moderator';

/** The `users` table: newsroom accounts (readers have none). */
export interface UserTable {
  id: Generated<number>;
  /** Always stored lower-cased. */
  email: string;
  name: string;
  role: Role;
  /** How the member signs articles; empty for shared desk accounts, which never sign. */
  byline: Generated<string>;
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
}

/** The `sessions` table: server-side login sessions; `id` is the SHA-256 of the cookie token. */
export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

/** The `login_attempts` table: failed-login counters per email and per client, for throttling. */
export interface LoginAttemptTable {
  key: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

export type AccountLinkPurpose = 'invitation' | 'password-reset';

/** The `account_links` table: one-time links to choose a password (invitations, resets). */
export interface AccountLinkTable {
  /** SHA-256 of the link's token. */
  token_hash: string;
  user_id: number;
  purpose: AccountLinkPurpose;
  created_by: number | null;
  created_at: string;
  expires_at: string;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Session = Selectable<SessionTable>;
export type LoginAttempt = Selectable<LoginAttemptTable>;
export type AccountLink = Selectable<AccountLinkTable>;
