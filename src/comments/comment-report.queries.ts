import type { Db, DbOrTrx } from '../db/database.ts';
import type { ReportReason, ReportedComment } from './comment-report.ts';

/** Stores a reader's report; false when this client already reported this comment. */
export async function insertCommentReport(
  db: DbOrTrx,
  report: {
    commentId: number;
    reason: ReportReason;
    note: string;
    reporterHash: string;
    now: Date;
  },
): Promise<boolean> {
  const row = await db
    .insertInto('comment_reports')
    .values({
      comment_id: report.commentId,
      reason: report.reason,
      note: report.note,
      reporter_hash: report.reporterHash,
      created_at: report.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['comment_id', 'reporter_hash']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** How many comments have open reports (the queue's « Signalés » count). */
export async function countReportedComments(db: Db): Promise<number> {
  const row = await db
    .selectFrom('comment_reports')
    .select((eb) => eb.fn.count<number>('comment_id').distinct().as('n'))
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Comments with open reports, the most reported first, each with its open reports. */
export async function listReportedComments(db: Db, limit: number): Promise<ReportedComment[]> {
  const open = await db
    .selectFrom('comment_reports')
    .select([
      'comment_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.max('created_at').as('last'),
    ])
    .where('closed_at', 'is', null)
    .groupBy('comment_id')
    .orderBy('n', 'desc')
    .orderBy('last', 'desc')
    .limit(limit)
    .execute();
  if (!open.length) return [];
  const ids = open.map((r) => r.comment_id);
  const [comments, reports] = await Promise.all([
    db
      .selectFrom('comments as c')
      .leftJoin('articles as a', 'a.id', 'c.article_id')
      .leftJoin('sections as s', 's.id', 'a.section_id')
      .select([
        'c.id',
        'c.status',
        'c.author_name',
        'c.author_email',
        'c.body',
        'c.created_at',
        'c.article_id',
        'c.article_title',
        'a.slug as article_slug',
        's.slug as section_slug',
      ])
      .where('c.id', 'in', ids)
      .execute(),
    db
      .selectFrom('comment_reports')
      .select(['comment_id', 'reason', 'note', 'created_at'])
      .where('comment_id', 'in', ids)
      .where('closed_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);
  const byId = new Map(comments.map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [];
    return [
      {
        id: c.id,
        status: c.status,
        authorName: c.author_name,
        authorEmail: c.author_email,
        body: c.body,
        createdAt: c.created_at,
        article: {
          id: c.article_id,
          title: c.article_title,
          path: c.article_slug && c.section_slug ? `/${c.section_slug}/${c.article_slug}` : null,
        },
        reports: reports
          .filter((r) => r.comment_id === id)
          .map((r) => ({ reason: r.reason, note: r.note, createdAt: r.created_at })),
      },
    ];
  });
}

/** Closes a comment's open reports (the moderator dealt with them); how many were open. */
export async function closeCommentReports(
  db: DbOrTrx,
  { commentId, actorId, now }: { commentId: number; actorId: number; now: Date },
): Promise<number> {
  const result = await db
    .updateTable('comment_reports')
    .set({ closed_at: now.toISOString(), closed_by: actorId })
    .where('comment_id', '=', commentId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
