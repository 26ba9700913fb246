import type { Db } from '../db/database.ts';
import { THREAD_PAGE_SIZE, buildThread, commentsOpen, type PublicComment } from './comment.ts';
import type { CommentFormState, CommentSectionProps } from './comment.pages.tsx';
import {
  countApprovedThread,
  countApprovedTopLevelBefore,
  findComment,
  listApprovedReplies,
  listApprovedThread,
  listApprovedTopLevel,
} from './comment.queries.ts';

/** At most this many comments are read at once to show a thread whole on its first page. */
const WHOLE_THREAD_CAP = 400;

/** Loads what an article's comment section shows: count, one page of the thread, the reply target. */
export async function loadCommentSection(
  db: Db,
  input: {
    article: {
      id: number;
      title: string;
      path: string;
      comments: 'open' | 'closed';
      publishedAt: string;
    };
    threadPage: number;
    replyToId: number | null;
    autoCloseDays: number;
    now: Date;
    form?: CommentFormState | undefined;
  },
): Promise<Omit<CommentSectionProps, 'ctx'> | null> {
  const { article } = input;
  // Nearly every article's thread fits on its first page: one query reads it whole (up to a cap)
  // and the counts come from it. A longer thread, or a later page, counts first, then pages.
  const whole =
    input.threadPage === 1 ? await listApprovedThread(db, article.id, WHOLE_THREAD_CAP) : null;
  let count: number;
  let pages = 1;
  let parents: PublicComment[];
  let replies: PublicComment[];
  if (
    whole &&
    whole.length < WHOLE_THREAD_CAP &&
    whole.filter((c) => c.parentId === null).length <= THREAD_PAGE_SIZE
  ) {
    count = whole.length;
    parents = whole.filter((c) => c.parentId === null);
    replies = whole.filter((c) => c.parentId !== null);
  } else {
    const counted = await countApprovedThread(db, article.id);
    count = counted.all;
    pages = Math.max(1, Math.ceil(counted.topLevel / THREAD_PAGE_SIZE));
    if (input.threadPage > pages) return null;
    parents = await listApprovedTopLevel(db, {
      articleId: article.id,
      limit: THREAD_PAGE_SIZE,
      offset: (input.threadPage - 1) * THREAD_PAGE_SIZE,
    });
    replies = await listApprovedReplies(db, {
      articleId: article.id,
      parentIds: parents.map((p) => p.id),
    });
  }
  // A cached page replies only to a comment shown on it: any other id (unknown, pending, on
  // another page) must not make a page of its own (see article.routes.ts). A form sent back
  // with an error (private, never cached) keeps the reply to any approved comment of the thread.
  let replyTo: PublicComment | null = null;
  if (input.replyToId !== null) {
    replyTo = parents.find((p) => p.id === input.replyToId) ?? null;
    if (!replyTo && input.form) {
      const target = await findComment(db, input.replyToId);
      if (
        target &&
        target.article_id === article.id &&
        target.parent_id === null &&
        target.status === 'approved'
      ) {
        replyTo = {
          id: target.id,
          parentId: null,
          authorName: target.author_name,
          body: target.body,
          createdAt: target.created_at,
        };
      }
    }
  }
  return {
    article: { id: article.id, title: article.title, path: article.path },
    count,
    open: commentsOpen(article, input.autoCloseDays, input.now),
    thread: buildThread(parents, replies),
    page: input.threadPage,
    pages,
    replyTo,
    form: input.form,
  };
}

/**
 * The page of the thread an approved top-level comment of this article sits on, or undefined
 * when the id names no such comment (unknown, pending, a reply, another article's).
 */
export async function replyTargetPage(
  db: Db,
  articleId: number,
  commentId: number,
): Promise<number | undefined> {
  const target = await findComment(db, commentId);
  if (
    !target ||
    target.article_id !== articleId ||
    target.parent_id !== null ||
    target.status !== 'approved'
  )
    return undefined;
  const before = await countApprovedTopLevelBefore(db, { ...target, article_id: articleId });
  return Math.floor(before / THREAD_PAGE_SIZE) + 1;
}

/** An article's address at a page of its thread, replying to a comment when one is given. */
export function threadPath(path: string, page: number, replyToId?: number): string {
  const query = [
    ...(page > 1 ? [`commentaires=${page}`] : []),
    ...(replyToId ? [`repondre=${replyToId}`] : []),
  ];
  return query.length ? `${path}?${query.join('&')}` : path;
}
