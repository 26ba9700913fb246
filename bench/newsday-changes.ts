// The changes of a news day for bench/newsday, made as another instance of the app would make
// them (the server notices through the database's content version): a comment approved every
// 2 s through the moderation use-case, and an article edited every 30 s through save-article.
import {
  listArticleCoauthors,
  listArticleTags,
  findArticleById,
} from '../src/articles/article.queries.ts';
import { draftOf } from '../src/articles/article-admin.routes.ts';
import { saveArticle } from '../src/articles/save-article.ts';
import type { Db } from '../src/db/database.ts';
import { decideComment } from '../src/moderation/decide-comment.ts';
import { findSiteSettings } from '../src/settings/setting.queries.ts';
import type { NewsDay } from './newsday-content.ts';

/** How many changes were made, and how many failed. */
export interface ChangeCount {
  approvals: number;
  edits: number;
  failures: number;
}

/**
 * Approves a pending comment of a popular article every `approveMs` and edits a popular
 * article every `editMs` (the first one a quarter in), while on, until stop() is called.
 */
export function startChanges(
  db: Db,
  {
    day,
    publicUrl,
    random,
    approveMs = 2000,
    editMs = 30_000,
  }: { day: NewsDay; publicUrl: string; random: () => number; approveMs?: number; editMs?: number },
): { pause(): void; resume(): void; stop(): Promise<ChangeCount> } {
  const count: ChangeCount = { approvals: 0, edits: 0, failures: 0 };
  const popular = day.today.slice(0, 50);
  const pick = () => popular[Math.floor(random() * popular.length)]!;
  let chain = Promise.resolve();
  const run = (change: () => Promise<boolean>) => {
    chain = chain.then(() =>
      change().then(
        (ok) => void (ok || count.failures++),
        () => void count.failures++,
      ),
    );
  };

  const approve = async () => {
    const pending = await db
      .selectFrom('comments')
      .select('id')
      .where('article_id', '=', pick().id)
      .where('status', '=', 'pending')
      .orderBy('id')
      .executeTakeFirst();
    if (!pending) return false;
    const result = await decideComment(db, {
      commentId: pending.id,
      decision: 'approve',
      expected: 'pending',
      actor: day.moderator,
      reason: null,
      site: { settings: await findSiteSettings(db), publicUrl, secret: 'bench-newsday' },
      now: new Date(),
    });
    if (result.ok) count.approvals++;
    return result.ok;
  };

  const edit = async () => {
    const row = await findArticleById(db, pick().id);
    if (!row) return false;
    const standfirst = `${row.standfirst.replace(/ Mis à jour \d+\.$/, '')} Mis à jour ${count.edits + 1}.`;
    const result = await saveArticle(db, {
      id: row.id,
      expectedVersion: row.version,
      draft: {
        ...draftOf(
          row,
          await listArticleTags(db, row.id),
          (await listArticleCoauthors(db, row.id)).map((c) => c.id),
        ),
        standfirst,
        flagUpdate: true,
      },
      user: { ...day.editor, byline: '', role: 'admin', sessionId: 'bench' },
      now: new Date(),
      locale: 'fr',
      origin: { kind: 'manual' },
    });
    if (result.ok) count.edits++;
    return result.ok;
  };

  // The schedule runs on the time the changes are on (the bench measures in rounds, and turns
  // them on only for the rounds of its changing target): an approval every approveMs of it, an
  // edit at a quarter of editMs, then every editMs.
  let active = 0;
  let on = true;
  let last = performance.now();
  let approvalsDone = 0;
  let editsDone = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    if (on) active += now - last;
    last = now;
    while (active >= (approvalsDone + 1) * approveMs) {
      approvalsDone++;
      run(approve);
    }
    while (active >= editMs / 4 + editsDone * editMs) {
      editsDone++;
      run(edit);
    }
  }, 50);
  return {
    pause() {
      on = false;
    },
    resume() {
      last = performance.now();
      on = true;
    },
    async stop() {
      clearInterval(ticker);
      await chain;
      return count;
    },
  };
}
