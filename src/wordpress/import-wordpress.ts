import { authorPath } from '../authors/author.ts';
import { slugify } from '../articles/slug.ts';
import { SITE_KEY, bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { MediaStore } from '../media/media-store.ts';
import { listImagesByIds } from '../media/media.queries.ts';
import { findRedirectTarget, insertRedirects } from '../redirects/redirect.queries.ts';
import type { NewRedirect } from '../redirects/redirect.table.ts';
import { listLiveArticles } from '../articles/article.queries.ts';
import { dialectOf } from '../db/connect.ts';
import { reindexArticles } from '../search/reindex.ts';
import { refreshRelated } from '../search/sync-article-search.ts';
import { RESERVED_SLUGS } from '../sections/section-admin.routes.ts';
import { findSectionBySlug, insertSection, listSections } from '../sections/section.queries.ts';
import { createPublication } from '../settings/create-publication.ts';
import { tagPath } from '../tags/tag.ts';
import { findUserByEmail, insertUser } from '../users/user.queries.ts';
import { normalizeEmail } from '../users/user.ts';
import { importAttachment, newPhotoIndex, rememberPhoto, type PhotoIndex } from './import-media.ts';
import { importPostBatch, PENDING_REINDEX, type PostSection } from './import-posts.ts';
import { newReport, note, type ImportReport } from './import-report.ts';
import { htmlToText } from './wp-content.ts';
import { decodeSlug, pathOfLink, postPaths } from './wp-paths.ts';
import { deleteImported, insertImported, listImported } from './wordpress.queries.ts';
import { readWxr, type WxrAuthor, type WxrItem, type WxrTerm } from './wxr.ts';

/** The steps the progress bar shows. */
export type ImportStep = 'attachments' | 'posts' | 'index' | 'related';

export interface ImportOptions {
  db: Db;
  store: MediaStore;
  clock: Clock;
  /** The export (WXR) file. */
  file: string;
  /** A copy of `wp-content/uploads`; without it attachments are reported, not imported. */
  uploadsDir?: string | undefined;
  dryRun?: boolean;
  /** Posts per transaction. */
  batchSize?: number;
  onProgress?: (step: ImportStep, done: number, total: number) => void;
  /** Stops the run between two batches (Ctrl-C); what was committed stays, a re-run resumes. */
  signal?: AbortSignal;
  /** Tests only: throws once this many batches of posts are committed, as a crash would. */
  stopAfterBatches?: number;
}

/** What the first reading of the export found: the header, and how many of each item. */
interface Scan {
  baseUrl: string;
  authors: WxrAuthor[];
  categories: Map<number, WxrTerm>;
  tags: WxrTerm[];
  attachments: number;
  posts: number;
}

/** A run cut short on purpose (stopAfterBatches). */
export class ImportInterrupted extends Error {}

/** How many of the newest articles get their related articles during the import. */
export const RELATED_NOW = 2000;

const UNCATEGORIZED = { slug: 'non-classe', name: 'Non classé' };

/**
 * Reads the whole export once without writing anything: a malformed file or an XML bomb is
 * refused before the first row is written, and the counts give the progress bar its totals.
 */
async function scan(file: string, report: ImportReport): Promise<Scan> {
  const found: Scan = {
    baseUrl: '',
    authors: [],
    categories: new Map(),
    tags: [],
    attachments: 0,
    posts: 0,
  };
  for await (const event of readWxr(file)) {
    if (event.kind === 'site') found.baseUrl = event.baseUrl;
    else if (event.kind === 'author') found.authors.push(event.author);
    else if (event.kind === 'term' && event.term.kind === 'category')
      found.categories.set(event.term.id, event.term);
    else if (event.kind === 'term') found.tags.push(event.term);
    else if (event.kind === 'item') {
      const { item } = event;
      if (item.type === 'attachment') found.attachments++;
      else if (item.type === 'post') found.posts++;
      else if (item.type === 'page')
        note(report, 'page skipped: Griot has no static pages yet', `#${item.id} ${item.title}`);
      else if (
        !['revision', 'nav_menu_item', 'custom_css', 'customize_changeset'].includes(item.type)
      )
        note(report, `« ${item.type} » item skipped`, `#${item.id} ${item.title}`);
    }
  }
  return found;
}

async function importAuthors(
  options: ImportOptions,
  authors: WxrAuthor[],
  report: ImportReport,
): Promise<Map<string, number>> {
  const { db, dryRun } = options;
  const now = options.clock.now();
  const done = await listImported(
    db,
    'author',
    authors.map((a) => a.id),
  );
  const byLogin = new Map<string, number>();
  for (const author of authors) {
    const counts = report.counts.authors;
    const known = done.get(author.id);
    if (known !== undefined) {
      byLogin.set(author.login, known);
      counts.existing++;
      continue;
    }
    const email =
      normalizeEmail(author.email) || `${slugify(author.login) || author.id}@wordpress.invalid`;
    const existing = await findUserByEmail(db, email);
    if (existing) {
      note(report, 'author matched to the existing account with that email', email);
      counts.existing++;
      byLogin.set(author.login, existing.id);
      if (!dryRun)
        await insertImported(db, [{ kind: 'author', wpId: author.id, ourId: existing.id }], now);
      continue;
    }
    counts.added++;
    if (dryRun) continue;
    const name = htmlToText(author.displayName || author.login).slice(0, 100) || email;
    const user = await db.transaction().execute(async (trx) => {
      // No password and disabled: an admin enables the account and sends its invitation.
      const row = await insertUser(trx, {
        email,
        name,
        byline: name,
        role: 'author',
        password_hash: '',
        disabled_at: now.toISOString(),
        created_at: now.toISOString(),
      });
      await insertImported(trx, [{ kind: 'author', wpId: author.id, ourId: row.id }], now);
      return row;
    });
    byLogin.set(author.login, user.id);
  }
  return byLogin;
}

/** Finds or makes the section of each post: its primary category (Yoast's, else the first). */
function sectionResolver(options: ImportOptions, found: Scan, report: ImportReport) {
  const cache = new Map<string, Promise<PostSection>>();
  const make = async (slug: string, name: string, termId: number): Promise<PostSection> => {
    const existing = await findSectionBySlug(options.db, slug);
    if (existing) {
      report.counts.sections.existing++;
      return { id: existing.id, slug };
    }
    report.counts.sections.added++;
    if (options.dryRun) return { id: -1, slug };
    const now = options.clock.now();
    return options.db.transaction().execute(async (trx) => {
      const position = (await listSections(trx)).length;
      const section = await insertSection(trx, {
        slug,
        name: name.slice(0, 80),
        description: '',
        position,
        created_at: now.toISOString(),
      });
      await insertImported(trx, [{ kind: 'category', wpId: termId, ourId: section.id }], now);
      // A new section changes every page's navigation.
      await bumpContentVersion(trx, [SITE_KEY]);
      return { id: section.id, slug };
    });
  };
  return (item: WxrItem): Promise<PostSection> => {
    const categories = item.terms.filter((t) => t.domain === 'category');
    const primary = found.categories.get(Number(item.meta._yoast_wpseo_primary_category));
    const term =
      categories.find((t) => primary && t.slug === primary.slug) ?? categories[0] ?? UNCATEGORIZED;
    let slug = sectionSlug(term.slug) || slugify(term.name);
    if (RESERVED_SLUGS.has(slug)) slug = `${slug}-rubrique`;
    const termId = [...found.categories.values()].find((c) => c.slug === term.slug)?.id ?? 0;
    let section = cache.get(slug);
    if (!section) {
      section = make(slug, htmlToText(term.name) || slug, termId);
      cache.set(slug, section);
    }
    return section;
  };
}

/** Our slug for a WordPress category (its nicename, accents and all, made plain). */
function sectionSlug(nicename: string): string {
  return nicename ? slugify(decodeSlug(nicename)) : '';
}

/** Reads the export's items of a type in batches. */
async function* batchesOf(file: string, type: string, size: number): AsyncGenerator<WxrItem[]> {
  let batch: WxrItem[] = [];
  for await (const event of readWxr(file)) {
    if (event.kind !== 'item' || event.item.type !== type) continue;
    batch.push(event.item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function importAttachments(
  options: ImportOptions,
  found: Scan,
  report: ImportReport,
): Promise<{ photos: PhotoIndex; pages: Map<number, string[]> }> {
  const { db } = options;
  const photos = newPhotoIndex();
  const pages = new Map<number, string[]>();
  let done = 0;
  options.onProgress?.('attachments', 0, found.attachments);
  for await (const batch of batchesOf(options.file, 'attachment', 100)) {
    const imported = await listImported(
      db,
      'attachment',
      batch.map((i) => i.id),
    );
    const media = new Map(
      (await listImagesByIds(db, [...imported.values()])).map((m) => [m.id, m]),
    );
    if (options.signal?.aborted) throw new ImportInterrupted('Stopped during the media');
    for (const item of batch) {
      const paths = [`/?attachment_id=${item.id}`, pathOfLink(item.link, found.baseUrl)];
      pages.set(
        item.id,
        paths.filter((p): p is string => !!p && p !== '/'),
      );
      const known = media.get(imported.get(item.id) ?? -1);
      if (known) {
        rememberPhoto(photos, item, known);
        report.counts.attachments.existing++;
      } else
        await importAttachment(db, {
          item,
          uploadsDir: options.uploadsDir,
          store: options.store,
          now: options.clock.now(),
          dryRun: options.dryRun ?? false,
          report,
          index: photos,
        });
      options.onProgress?.('attachments', ++done, found.attachments);
    }
  }
  return { photos, pages };
}

/** Old addresses of categories, tags, authors, attachments and the feed. */
function otherRedirects(
  found: Scan,
  {
    sections,
    photos,
    pages,
    authors,
  }: {
    sections: Set<string>;
    photos: PhotoIndex;
    pages: Map<number, string[]>;
    authors: Map<string, { id: number; name: string }>;
  },
): { path: string; target: string }[] {
  const out: { path: string; target: string }[] = [{ path: '/feed', target: '/flux/rss.xml' }];
  for (const category of found.categories.values()) {
    const slug = sectionSlug(category.slug);
    const target = sections.has(slug) ? `/${slug}` : tagPath(category.name.trim().toLowerCase());
    out.push({ path: `/category/${decodeSlug(category.slug).toLowerCase()}`, target });
    out.push({ path: `/?cat=${category.id}`, target });
  }
  for (const tag of found.tags) {
    const target = tagPath(tag.name.trim().toLowerCase());
    out.push({ path: `/tag/${decodeSlug(tag.slug).toLowerCase()}`, target });
    out.push({ path: `/?tag=${decodeSlug(tag.slug).toLowerCase()}`, target });
  }
  for (const [login, author] of authors)
    out.push({ path: `/author/${login.toLowerCase()}`, target: authorPath(author) });
  for (const [id, paths] of pages) {
    const file = photos.fileOf.get(id);
    if (file) for (const path of paths) out.push({ path, target: file });
  }
  return out;
}

/**
 * Imports a WordPress export: authors, sections, media, posts with their comments, and the old
 * addresses. Safe to run again: what an earlier run imported (by WordPress id) is skipped, so a
 * second run changes nothing and an interrupted one resumes. With `dryRun`, nothing is written.
 */
export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
  const { db } = options;
  const dryRun = options.dryRun ?? false;
  const report = newReport(dryRun);
  const found = await scan(options.file, report);
  // Into a database no one started yet: the publication's settings and ad slots first.
  if (!dryRun) await createPublication(db, options.clock.now());
  const authors = await importAuthors(options, found.authors, report);
  const { photos, pages } = await importAttachments(options, found, report);
  const sectionFor = sectionResolver(options, found, report);
  const sections = new Set<string>();
  const ctx = {
    db,
    now: options.clock.now(),
    dryRun,
    report,
    photos,
    authors,
    baseUrl: found.baseUrl,
    sectionFor: async (item: WxrItem) => {
      const section = await sectionFor(item);
      sections.add(section.slug);
      return section;
    },
  };
  let done = 0;
  let batches = 0;
  options.onProgress?.('posts', 0, found.posts);
  for await (const batch of batchesOf(options.file, 'post', options.batchSize ?? 100)) {
    ctx.now = options.clock.now();
    await importPostBatch(ctx, batch);
    if (dryRun)
      for (const item of batch)
        if (['publish', 'future'].includes(item.status))
          report.counts.redirects.added += postPaths(item, found.baseUrl).length;
    options.onProgress?.('posts', (done += batch.length), found.posts);
    if (options.signal?.aborted) throw new ImportInterrupted('Stopped during the posts');
    if (options.stopAfterBatches !== undefined && ++batches >= options.stopAfterBatches)
      throw new ImportInterrupted(`Stopped after ${batches} batches, as asked`);
  }
  const users = new Map<string, { id: number; name: string }>();
  for (const author of found.authors) {
    const id = authors.get(author.login);
    if (id !== undefined)
      users.set(author.login, { id, name: htmlToText(author.displayName || author.login) });
  }
  const now = options.clock.now().toISOString();
  const unique = new Map<string, NewRedirect>();
  for (const r of otherRedirects(found, { sections, photos, pages, authors: users }))
    if (r.path !== r.target && !unique.has(r.path)) unique.set(r.path, { ...r, created_at: now });
  const rows = [...unique.values()];
  if (dryRun) {
    for (const row of rows)
      report.counts.redirects[(await findRedirectTarget(db, row.path)) ? 'existing' : 'added']++;
    return report;
  }
  for (let i = 0; i < rows.length; i += 200) {
    const slice = rows.slice(i, i + 200);
    const added = await insertRedirects(db, slice);
    report.counts.redirects.added += added;
    report.counts.redirects.existing += slice.length - added;
  }

  // The search index and « À lire aussi » are rebuilt once all posts are in (related articles
  // are chosen among all of them); the mark left by the batches makes a resumed run do it too.
  const pending = await listImported(db, PENDING_REINDEX.kind, [PENDING_REINDEX.wpId]);
  if (pending.size) {
    await reindexArticles(db, {
      related: false,
      onProgress: (_step, at, total) => options.onProgress?.('index', at, total),
    });
    // « À lire aussi » costs tens of milliseconds an article: the newest ones, which readers
    // see most, get it now; the archive gets it as articles are edited, or from `griot reindex`.
    const newest = await listLiveArticles(db, { limit: RELATED_NOW });
    const dialect = dialectOf(db);
    for (const [at, article] of newest.entries()) {
      await refreshRelated(db, dialect, article.id);
      options.onProgress?.('related', at + 1, newest.length);
    }
    await db.transaction().execute(async (trx) => {
      await deleteImported(trx, PENDING_REINDEX.kind, PENDING_REINDEX.wpId);
      await bumpContentVersion(trx, [SITE_KEY]);
    });
  }
  return report;
}
