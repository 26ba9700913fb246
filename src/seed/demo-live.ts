import { renderMarkdown } from '../articles/markdown.ts';
import { slugify } from '../articles/slug.ts';
import type { Db } from '../db/database.ts';
import { insertLiveEntry, updateArticleLiveState } from '../live/live.queries.ts';
import { findUserByEmail } from '../users/user.queries.ts';
import { liveDemoArticle, liveDemoEntries, LIVE_DEMO_MINUTES } from './articles/live.ts';

const MINUTE = 60_000;

/**
 * The demo's live page: the football final's article made a live page, its entries (two pinned
 * in « L'essentiel », one with a photo) and its coverage ended. Added once; returns how many
 * entries were written.
 */
export async function seedDemoLive(db: Db): Promise<number> {
  const article = await db
    .selectFrom('articles')
    .select(['id', 'published_at', 'image_id', 'live'])
    .where('slug', '=', slugify(liveDemoArticle.title))
    .executeTakeFirst();
  if (!article?.published_at || article.live === 1) return 0;
  const start = new Date(article.published_at).getTime();
  const at = (minutes: number) => new Date(start + minutes * MINUTE);
  await db.transaction().execute(async (trx) => {
    await updateArticleLiveState(trx, article.id, {
      live: true,
      startedAt: at(0).toISOString(),
      endedAt: at(LIVE_DEMO_MINUTES + 2).toISOString(),
    });
    for (const e of liveDemoEntries) {
      const author = await findUserByEmail(trx, e.authorEmail);
      const photo =
        e.withPhoto && article.image_id
          ? `\n\n![Les supporters de l’AS Birni-Sud fêtent la victoire](media:${article.image_id} "Le Veilleur")`
          : '';
      const body = e.body + photo;
      await insertLiveEntry(trx, {
        articleId: article.id,
        authorId: author?.id ?? null,
        body,
        bodyHtml: renderMarkdown(body, 'fr'),
        pinned: e.pinned === true,
        at: at(e.minutes),
      });
    }
  });
  return liveDemoEntries.length;
}
