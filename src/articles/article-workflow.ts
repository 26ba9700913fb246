import type { Role } from '../users/user.table.ts';
import type { ArticleStatus } from './article.table.ts';

/** What can happen to an article in the editorial workflow. */
export type Transition =
  'submit' | 'withdraw' | 'publish' | 'schedule' | 'unpublish' | 'archive' | 'restore';

/** The part of an article the workflow rules look at. */
export interface WorkflowArticle {
  status: ArticleStatus;
  authorId: number | null;
  submittedAt: string | null;
}

/** The part of a newsroom member the workflow rules look at. */
export interface WorkflowUser {
  id: number;
  role: Role;
}

const publishes = (role: Role) => role === 'admin' || role === 'editor';

/** Whether a member may change an article's content: editors any, authors their own drafts. */
export function canEditArticle(user: WorkflowUser, article: WorkflowArticle): boolean {
  if (publishes(user.role)) return true;
  return user.role === 'author' && article.authorId === user.id && article.status === 'draft';
}

/** Whether a member may start a new article. */
export function canCreateArticle(user: WorkflowUser): boolean {
  return user.role !== 'moderator';
}

/** The transitions a member may apply to an article in its current state. */
export function allowedTransitions(user: WorkflowUser, article: WorkflowArticle): Transition[] {
  const own = article.authorId === user.id;
  const out: Transition[] = [];
  if (article.status === 'draft') {
    if (user.role === 'author' && own) out.push(article.submittedAt ? 'withdraw' : 'submit');
    if (publishes(user.role)) out.push('publish', 'schedule', 'archive');
  } else if (publishes(user.role)) {
    if (article.status === 'scheduled') out.push('publish', 'schedule', 'unpublish');
    if (article.status === 'published') out.push('unpublish', 'archive');
    if (article.status === 'archived') out.push('restore');
  }
  return out;
}

/**
 * Whether publishing the article now is publishing it again: it was public once (unpublished
 * since), so it has a first publication date in the past that readers, feeds and the news
 * sitemap have already shown.
 */
export function wasPublished(
  article: { status: ArticleStatus; publishedAt: string | null },
  now: Date,
): boolean {
  return (
    article.status === 'draft' && !!article.publishedAt && article.publishedAt <= now.toISOString()
  );
}

/**
 * The state an article moves to, given a permitted transition. Publishing again keeps the first
 * publication date and marks the article updated, unless the editor asks for a new date.
 */
export function applyTransition(
  transition: Transition,
  {
    now,
    at,
    republish = false,
    newDate = false,
  }: { now: Date; at?: Date | undefined; republish?: boolean; newDate?: boolean },
): {
  status: ArticleStatus;
  submittedAt?: string | null;
  publishedAt?: string;
  updatedAt?: string;
} {
  switch (transition) {
    case 'submit':
      return { status: 'draft', submittedAt: now.toISOString() };
    case 'withdraw':
      return { status: 'draft', submittedAt: null };
    case 'publish':
      return republish && !newDate
        ? { status: 'published', updatedAt: now.toISOString() }
        : { status: 'published', publishedAt: now.toISOString() };
    case 'schedule':
      if (!at || at <= now) throw new RangeError('schedule needs a time in the future');
      return { status: 'scheduled', publishedAt: at.toISOString() };
    case 'unpublish':
    case 'restore':
      return { status: 'draft', submittedAt: null };
    case 'archive':
      return { status: 'archived' };
  }
}
