import type { Role } from '../users/user.table.ts';

/** The part of a newsroom member the live rules look at. */
export interface LiveUser {
  id: number;
  role: Role;
}

const desk = (role: Role) => role === 'admin' || role === 'editor';

/**
 * Whether a member may change an entry (edit, pin, unpin, delete): the desk any entry, the
 * others their own. Anyone who writes articles may post on any live page (the route's policy).
 */
export function canChangeLiveEntry(user: LiveUser, entry: { author_id: number | null }): boolean {
  return desk(user.role) || (user.role === 'author' && entry.author_id === user.id);
}

/** Whether a member may make an article a live page, end its coverage or reopen it. */
export function canRunLiveCoverage(user: LiveUser, article: { authorId: number | null }): boolean {
  return desk(user.role) || (user.role === 'author' && article.authorId === user.id);
}
