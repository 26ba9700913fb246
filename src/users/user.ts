import type { Role } from './user.table.ts';

export const roles: readonly Role[] = ['admin', 'editor', 'author', 'moderator'];

/** True when the string names a newsroom role. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/**
 * The byline a new account starts with: its name for those who write (authors, editors);
 * none for admin and moderator accounts, often shared desk accounts that must never sign.
 */
export function defaultByline(name: string, role: Role): string {
  return role === 'author' || role === 'editor' ? name.trim() : '';
}

/** The signed-in newsroom member as the app carries it around. */
export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  /** How they sign articles; empty for a shared desk account. */
  byline: string;
  role: Role;
  sessionId: string;
}

/** Normalizes an email address for storage and look-up. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
