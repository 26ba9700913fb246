import type { Role } from './user.table.ts';

export const roles: readonly Role[] = ['admin', 'editor', 'author', 'moderator'];

/** True when the string names a newsroom role. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The signed-in newsroom member as the app carries it around. */
export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
}

/** Normalizes an email address for storage and look-up. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
