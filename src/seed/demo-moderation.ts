import type { CommentStatus } from '../comments/comment.table.ts';
import type { Db } from '../db/database.ts';
import { createModelCache, scorePendingComments } from '../moderation/classifier/score-comments.ts';
import { trainClassifier } from '../moderation/classifier/train-classifier.ts';
import { generateCorpus, seededRandom, type CorpusComment } from './comment-corpus.ts';

/** A comment of the history and the moderator who decided it (none: still pending). */
export interface HistoryComment {
  comment: CorpusComment;
  createdAt: Date;
  decided: { status: CommentStatus; at: Date; by: { id: number; name: string } } | undefined;
  article: { id: number | null; title: string };
}

/**
 * Writes comments with their decisions and audit events in batches (the demo's moderation
 * history and the classifier's tests): no mail, no content version, as if long past.
 */
export async function insertCommentHistory(db: Db, history: HistoryComment[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < history.length; i += 200) {
    const batch = history.slice(i, i + 200);
    const rows = await db
      .insertInto('comments')
      .values(
        batch.map((h, k) => ({
          article_id: h.article.id,
          article_title: h.article.title,
          parent_id: null,
          author_name: h.comment.authorName,
          author_email: h.comment.authorEmail,
          body: h.comment.body,
          body_hash: `corpus-${i + k}-${h.createdAt.getTime()}`,
          status: h.decided?.status ?? 'pending',
          notify_replies: 0,
          ip_hash: 'demo',
          created_at: h.createdAt.toISOString(),
          moderated_at: h.decided?.at.toISOString() ?? null,
          moderated_by: h.decided?.by.id ?? null,
          reason: null,
        })),
      )
      .returning('id')
      .execute();
    const events = rows.flatMap((r, k) => {
      const d = batch[k]!.decided;
      ids.push(r.id);
      return d
        ? [
            {
              comment_id: r.id,
              actor_id: d.by.id,
              actor_name: d.by.name,
              from_status: 'pending' as const,
              to_status: d.status,
              reason: null,
              at: d.at.toISOString(),
            },
          ]
        : [];
    });
    if (events.length) await db.insertInto('moderation_events').values(events).execute();
  }
  return ids;
}

const DAYS = 14;
const COUNT = 720;
const PENDING = 24;
const ARCHIVE_TITLE = 'Courrier des lecteurs (archives de la démo)';

/**
 * The demo's two weeks of moderation: comments from the generated corpus decided by the demo's
 * moderators at a newsroom's pace (slower at night), the newest still waiting on recent
 * articles; then the classifier is trained, so the queue shows scores and the desk's page its
 * figures. Decided comments belong to no live article, so no demo thread shows them. Only into
 * a site whose moderation history is empty of them.
 */
export async function seedDemoModeration(
  db: Db,
  {
    now,
    moderators,
    articles,
  }: {
    now: Date;
    moderators: { id: number; name: string }[];
    articles: { id: number; title: string }[];
  },
): Promise<number> {
  const seeded = await db
    .selectFrom('comments')
    .select('id')
    .where('body_hash', 'like', 'corpus-%')
    .limit(1)
    .executeTakeFirst();
  if (seeded || !moderators.length || !articles.length) return 0;
  const rnd = seededRandom(2026);
  const corpus = generateCorpus({ seed: 2026, count: COUNT });
  const start = now.getTime() - DAYS * 86_400_000;
  const history = corpus.map((comment, i): HistoryComment => {
    const pending = i >= COUNT - PENDING;
    const createdAt = new Date(
      pending
        ? now.getTime() - (COUNT - i) * 7 * 60_000
        : start + (i / COUNT) * (DAYS - 0.5) * 86_400_000,
    );
    const hour = createdAt.getUTCHours();
    // Nobody moderates between 22 h and 7 h: a comment written at night waits for the morning.
    const night = hour >= 22 || hour < 7 ? ((31 - hour) % 24) * 3_600_000 : 0;
    const wait = night + (5 + rnd() * (rnd() < 0.8 ? 90 : 600)) * 60_000;
    const status: CommentStatus = comment.unwanted
      ? comment.kind === 'spam'
        ? 'spam'
        : 'rejected'
      : 'approved';
    return {
      comment,
      createdAt,
      decided: pending
        ? undefined
        : {
            status,
            at: new Date(Math.min(createdAt.getTime() + wait, now.getTime() - 60_000)),
            by: moderators[rnd() < 0.7 ? 0 : Math.floor(rnd() * moderators.length)]!,
          },
      article: pending ? articles[i % articles.length]! : { id: null, title: ARCHIVE_TITLE },
    };
  });
  await insertCommentHistory(db, history);
  await trainClassifier(db, { now, force: true });
  const model = await createModelCache(db).current();
  if (model) await scorePendingComments(db, model, { now });
  return history.length;
}
