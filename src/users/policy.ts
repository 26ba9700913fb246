import type { Role } from './user.table.ts';

export type Action = 'view-newsroom';

const allowed: Record<Action, readonly Role[]> = {
  'view-newsroom': ['admin', 'editor', 'author', 'moderator'],
};

/** Whether a newsroom member may perform an action. */
export function can(user: { role: Role } | null | undefined, action: Action): boolean {
  return !!user && allowed[action].includes(user.role);
}
