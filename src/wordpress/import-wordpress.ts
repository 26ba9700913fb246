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
import { createPublication } from '../settings/create-publication.ts';
import { importAttachment, newPhotoIndex, rememberPhoto, type PhotoIndex } from './import-media.ts';
import { importPostBatch, PENDING_REINDEX } from './import-posts.ts';
import { newReport, note, type ImportReport } from './import-report.ts';
import { htmlToText } from './wp-content.ts';
import { importAuthors, sectionResolver } from './import-terms.ts';
import { otherRedirects } from './old-addresses.ts';
import { pathOfLink, postPaths } from './wp-paths.ts';
import { deleteImported, listImported } from './wordpress.queries.ts';
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
export const RELATED_NOW = 500;

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
  const sectionFor = sectionResolver(options, found.categories, report);
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
