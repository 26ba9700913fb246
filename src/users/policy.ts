import type { Role } from './user.table.ts';

export type Action =
  | 'view-newsroom'
  | 'write-articles'
  | 'moderate'
  | 'edit-comment-settings'
  | 'view-outbox'
  | 'upload-media'
  | 'manage-sections'
  | 'edit-site-settings'
  | 'manage-users'
  | 'manage-ads'
  | 'raise-alerts'
  | 'correct-articles'
  | 'manage-newsletter';

const allowed: Record<Action, readonly Role[]> = {
  'view-newsroom': ['admin', 'editor', 'author', 'moderator'],
  'write-articles': ['admin', 'editor', 'author'],
  moderate: ['admin', 'editor', 'moderator'],
  'edit-comment-settings': ['admin', 'editor'],
  'view-outbox': ['admin', 'editor'],
  'upload-media': ['admin', 'editor', 'author'],
  'manage-sections': ['admin', 'editor'],
  'edit-site-settings': ['admin'],
  'manage-users': ['admin'],
  'manage-ads': ['admin', 'editor'],
  'raise-alerts': ['admin', 'editor'],
  // Corrections speak for the newsroom: the desk adds them, not each author.
  'correct-articles': ['admin', 'editor'],
  // Subscribers' addresses are personal data: only those who send the letter see them.
  'manage-newsletter': ['admin', 'editor'],
};

/** Whether a newsroom member may perform an action. */
export function can(user: { role: Role } | null | undefined, action: Action): boolean {
  return !!user && allowed[action].includes(user.role);
}
