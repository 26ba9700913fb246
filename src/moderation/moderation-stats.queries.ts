import type { Db } from '../db/database.ts';

const time = (v: unknown): number => new Date(v as string).getTime();

/**
 * When each comment that waited at some point since `since` was written and first decided (null:
 * still waiting). Comments written long before `since` count only while still pending.
 */
export async function listQueueSpans(
  db: Db,
  { since, now }: { since: Date; now: Date },
): Promise<{ createdAt: number; decidedAt: number | null }[]> {
  const oldest = new Date(since.getTime() - 30 * 86_400_000).toISOString();
  const rows = await db
    .selectFrom('comments as c')
    .leftJoin('moderation_events as e', 'e.comment_id', 'c.id')
    .select(['c.id', 'c.created_at', (eb) => eb.fn.min('e.at').as('decided')])
    .where('c.created_at', '<=', now.toISOString())
    .where((eb) => eb.or([eb('c.status', '=', 'pending'), eb('c.created_at', '>=', oldest)]))
    .groupBy(['c.id', 'c.created_at'])
    .execute();
  return rows
    .map((r) => ({
      createdAt: time(r.created_at),
      decidedAt: r.decided === null ? null : time(r.decided),
    }))
    .filter((s) => s.decidedAt === null || s.decidedAt >= since.getTime());
}

/** Every decision since an instant: who and when. */
export async function listDecisionsSince(
  db: Db,
  since: Date,
): Promise<{ actor: string; at: string }[]> {
  const rows = await db
    .selectFrom('moderation_events')
    .select(['actor_name', 'at'])
    .where('at', '>=', since.toISOString())
    // People's decisions: the rules' automatic approvals have no actor.
    .where('actor_id', 'is not', null)
    .execute();
  return rows.map((r) => ({ actor: r.actor_name, at: new Date(r.at).toISOString() }));
}
