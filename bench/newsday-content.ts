// Content for bench/newsday: the demo publication (sections, settings, accounts, photos, ads),
// then a news day of generated articles with approved comments (and a few pending ones on the
// popular articles, for the approvals during the run), then an archive of older articles, each
// requested once by the cache-miss target. Our own words, written straight to the database.
import { insertArticle } from '../src/articles/article.queries.ts';
import { renderMarkdown } from '../src/articles/markdown.ts';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { progressBar } from '../src/cli/progress.ts';
import { bodyHash } from '../src/comments/comment.ts';
import type { NewCommentRow } from '../src/comments/comment.table.ts';
import { systemClock } from '../src/clock.ts';
import { dialectOf } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { reindexArticles } from '../src/search/reindex.ts';
import { refreshRelated } from '../src/search/sync-article-search.ts';
import { seedDemo } from '../src/seed/seed.ts';
import { localMediaStore } from '../src/media/media-store.ts';
import { listSections } from '../src/sections/section.queries.ts';

const WORDS = (
  'gouvernement ministre pays ville région population projet marché prix président sécurité ' +
  'frontière réunion conseil élection école santé hôpital route eau gendarmes village récolte ' +
  'pluie saison budget dette impôt jeunes femmes enfants famille quartier commune maire député ' +
  'assemblée loi réforme syndicat grève salaire emploi entreprise commerce transport fleuve ' +
  'barrage électricité énergie solaire coton mil bétail éleveurs agriculteurs semences désert ' +
  'chaleur crue inondation aide association festival musique théâtre cinéma livre artiste ' +
  'football équipe match stade université étudiants examen enseignants vaccin médecin radio'
).split(' ');
const FILLER = 'le la les de des du un une et à au dans sur pour avec par selon depuis'.split(' ');
const NAMES =
  'Aïcha Boubacar Fatimata Hamidou Mariam Seydou Kadi Issa Rakia Moussa Zeinab Ali'.split(' ');

/** An article of the bench: its reader path and id. */
export interface BenchArticle {
  id: number;
  path: string;
}

/** What bench/newsday requests and changes. */
export interface NewsDay {
  sections: string[];
  /** Today's articles, most popular first (the order of the Zipf draw). */
  today: BenchArticle[];
  /** Older articles, each requested once by the cache-miss target. */
  archive: BenchArticle[];
  moderator: { id: number; name: string };
  editor: { id: number; name: string; email: string };
}

/** Fills a migrated, empty database with the demo publication and a news day. */
export async function fillNewsDay(
  db: Db,
  {
    dataDir,
    articles,
    archive,
    comments,
    random,
  }: { dataDir: string; articles: number; archive: number; comments: number; random: () => number },
): Promise<NewsDay> {
  await migrateToLatest(db);
  await seedDemo({
    db,
    store: localMediaStore(dataDir),
    clock: systemClock,
    onProgress: progressBar('Demo content'),
  });
  const sections = await listSections(db);
  const media = await db.selectFrom('media').select('id').orderBy('id').execute();
  const users = await db.selectFrom('users').select(['id', 'name', 'email', 'role']).execute();
  const moderator = users.find((u) => u.role === 'moderator')!;
  const editor = users.find((u) => u.role === 'admin')!;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, (_, i) => (i % 2 ? pick(FILLER) : pick(WORDS)));
    const text = words.join(' ');
    return text[0]!.toUpperCase() + text.slice(1) + '.';
  };

  const now = Date.now();
  const total = articles + archive;
  const bar = progressBar('News day');
  const made: BenchArticle[] = [];
  for (let start = 0; start < total; start += 100) {
    await db.transaction().execute(async (trx) => {
      const rows: NewCommentRow[] = [];
      const replies: { parentIndex: number; row: NewCommentRow }[] = [];
      for (let n = start; n < Math.min(total, start + 100); n++) {
        const section = sections[n % sections.length]!;
        // Today's articles over the last 20 hours; the archive over the year before.
        const published = new Date(
          n < articles ? now - (n + 1) * 140_000 : now - 86_400_000 * (1 + (n - articles) / 10),
        ).toISOString();
        const title = `${sentence(9).slice(0, -1)} (${n + 1})`;
        const body = Array.from({ length: 6 }, (_, p) =>
          p === 3 ? `## ${sentence(5).slice(0, -1)}` : sentence(14) + ' ' + sentence(18),
        ).join('\n\n');
        const article = await insertArticle(trx, {
          slug: `${n < articles ? 'jour' : 'archive'}-${n + 1}`,
          section_id: section.id,
          kicker: pick(WORDS).toUpperCase(),
          title,
          standfirst: sentence(24),
          body,
          body_html: renderMarkdown(body, 'fr'),
          signature: 'Rédaction',
          author_id: null,
          status: 'published',
          published_at: published,
          updated_at: null,
          created_at: published,
          image_id: media.length ? media[n % media.length]!.id : null,
          image_credit: 'LE VEILLEUR',
          image_caption: sentence(10),
          image_alt: sentence(6),
          comments: 'open',
          version: 1,
          submitted_at: null,
          saved_at: published,
        });
        made.push({ id: article.id, path: `/${section.slug}/${article.slug}` });
        const popular = n < 50;
        for (let c = 0; c < comments + (popular ? 4 : 0); c++) {
          const text = `${sentence(12)} ${sentence(16)} (${c + 1})`;
          const pending = c >= comments;
          const at = new Date(Date.parse(published) + (c + 1) * 60_000).toISOString();
          const row: NewCommentRow = {
            article_id: article.id,
            article_title: title,
            parent_id: null,
            author_name: `${pick(NAMES)} ${String.fromCharCode(65 + (c % 26))}.`,
            author_email: `lecteur${n}-${c}@example.org`,
            body: text,
            body_hash: bodyHash(text),
            status: pending ? 'pending' : 'approved',
            notify_replies: 0,
            ip_hash: `bench-${n}-${c}`,
            created_at: at,
            moderated_at: pending ? null : at,
            moderated_by: pending ? null : moderator.id,
            reason: null,
          };
          // One comment in four answers an earlier one of the same article.
          if (c % 4 === 3 && !pending) replies.push({ parentIndex: rows.length - 1, row });
          else rows.push(row);
        }
      }
      const ids = await trx.insertInto('comments').values(rows).returning('id').execute();
      if (replies.length)
        await trx
          .insertInto('comments')
          .values(replies.map((r) => ({ ...r.row, parent_id: ids[r.parentIndex]!.id })))
          .execute();
    });
    bar(Math.min(total, start + 100), total);
  }
  const indexBar = progressBar('Search index');
  await reindexArticles(db, {
    related: false,
    onProgress: (_step, done, all) => indexBar(done, all),
  });
  // « À lire aussi » for the articles of the day only: on PostgreSQL, computing it for the
  // archive too would double the set-up time (archive pages then show no related articles).
  const relatedBar = progressBar('Related articles of the day');
  const dialect = dialectOf(db);
  for (let start = 0; start < articles; start += 100) {
    await db.transaction().execute(async (trx) => {
      for (const article of made.slice(start, Math.min(articles, start + 100)))
        await refreshRelated(trx, dialect, article.id);
    });
    relatedBar(Math.min(articles, start + 100), articles);
  }
  await bumpContentVersion(db);
  return {
    sections: sections.map((s) => s.slug),
    today: made.slice(0, articles),
    archive: made.slice(articles),
    moderator,
    editor,
  };
}
