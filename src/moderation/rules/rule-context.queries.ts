import type { DbOrTrx } from '../../db/database.ts';
import type { CommentHistory } from './rule.ts';

/** How many comments with this text hash were written on other articles since a date. */
export async function countSameTextElsewhere(
  db: DbOrTrx,
  { bodyHash, articleId, since }: { bodyHash: string; articleId: number; since: Date },
): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.count<number>('article_id').distinct().as('n'))
    .where('body_hash', '=', bodyHash)
    .where('created_at', '>=', since.toISOString())
    .where('article_id', '!=', articleId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The decided comments written with an address, or sent from a client. */
export async function findCommentHistory(
  db: DbOrTrx,
  by: { email: string } | { ipHash: string },
): Promise<CommentHistory> {
  let query = db
    .selectFrom('comments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['approved', 'rejected', 'spam']);
  query =
    'email' in by
      ? query.where('author_email', '=', by.email)
      : query.where('ip_hash', '=', by.ipHash);
  const rows = await query.groupBy('status').execute();
  const history: CommentHistory = { approved: 0, rejected: 0 };
  for (const r of rows) {
    if (r.status === 'approved') history.approved += Number(r.n);
    else history.rejected += Number(r.n);
  }
  return history;
}
