import type { Db, DbOrTrx } from '../../db/database.ts';
import type { RuleLabel, RuleResult } from './rule.ts';

/** Stores the verdicts the rules gave a new comment. */
export async function insertRuleVerdicts(
  db: DbOrTrx,
  commentId: number,
  verdicts: RuleResult[],
): Promise<void> {
  if (!verdicts.length) return;
  await db
    .insertInto('comment_rule_verdicts')
    .values(
      verdicts.map((v, position) => ({
        comment_id: commentId,
        position,
        label: v.label,
        verdict: v.verdict as Exclude<RuleResult['verdict'], 'ok'>,
        reason_fr: v.reason.fr,
        reason_en: v.reason.en,
      })),
    )
    .execute();
}

/** The rules' verdicts on these comments, in pipeline order, by comment. */
export async function listRuleVerdicts(
  db: Db,
  commentIds: number[],
): Promise<Map<number, RuleResult[]>> {
  const byComment = new Map<number, RuleResult[]>();
  if (!commentIds.length) return byComment;
  const rows = await db
    .selectFrom('comment_rule_verdicts')
    .selectAll()
    .where('comment_id', 'in', commentIds)
    .orderBy('comment_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = byComment.get(r.comment_id) ?? [];
    list.push({ verdict: r.verdict, label: r.label, reason: { fr: r.reason_fr, en: r.reason_en } });
    byComment.set(r.comment_id, list);
  }
  return byComment;
}

/** The ids of the comments a rule gave this label, as a subquery for the queue's filter. */
export function commentIdsWithLabel(db: Db, label: RuleLabel) {
  return db.selectFrom('comment_rule_verdicts').select('comment_id').where('label', '=', label);
}
