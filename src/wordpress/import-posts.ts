import { HOME_KEY, LISTS_KEY, sectionKey } from '../articles/article-keys.ts';
import type { ArticleStatus } from '../articles/article.table.ts';
import { findArticleBySlug, insertArticle } from '../articles/article.queries.ts';
import { replaceArticleCoauthors, replaceArticleTags } from '../articles/article.queries.ts';
import { renderMarkdown } from '../articles/markdown.ts';
import { normalizeTags } from '../articles/save-article.ts';
import { slugify, uniqueSlug } from '../articles/slug.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import { bodyHash, normalizeBody } from '../comments/comment.ts';
import type { CommentStatus } from '../comments/comment.table.ts';
import { insertComment } from '../comments/comment.queries.ts';
import type { Db, Trx } from '../db/database.ts';
import { insertRedirects } from '../redirects/redirect.queries.ts';
import { note, type ImportReport } from './import-report.ts';
import type { PhotoIndex } from './import-media.ts';
import { commentText, htmlToText, wordpressToMarkdown, type BodyPhoto } from './wp-content.ts';
import { decodeSlug, isoFromWordPress, postPaths, uploadsKey } from './wp-paths.ts';
import { insertImported, listImported } from './wordpress.queries.ts';
import type { WxrComment, WxrItem } from './wxr.ts';

/** The mapping row that says the search index and related articles still need rebuilding. */
export const PENDING_REINDEX = { kind: 'pending', wpId: 0, ourId: 0 } as const;

const STATUSES: Record<string, ArticleStatus> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
};

const COMMENT_STATUSES: Record<string, CommentStatus> = {
  '1': 'approved',
  '0': 'pending',
  spam: 'spam',
};

/** A section as the import places posts in it. */
export interface PostSection {
  id: number;
  slug: string;
}

/** What the posts' import reads from the rest of the run. */
export interface PostImport {
  db: Db;
  now: Date;
  dryRun: boolean;
  report: ImportReport;
  photos: PhotoIndex;
  /** WordPress login → our user id. */
  authors: Map<string, number>;
  baseUrl: string;
  /** The section of a post, created if need be (the post's primary category). */
  sectionFor(item: WxrItem): Promise<PostSection>;
}

/** The library photo an image in a post's body refers to. */
function photoLookup(photos: PhotoIndex) {
  return ({ attachmentId, src }: { attachmentId?: number; src?: string }) => {
    let id = attachmentId && photos.byId.has(attachmentId) ? attachmentId : undefined;
    if (id === undefined && src) {
      const key = uploadsKey(src);
      id = key === undefined ? undefined : photos.byUploadsPath.get(key);
    }
    const photo = id === undefined ? undefined : photos.byId.get(id);
    return photo && ({ id: photo.id, caption: photo.caption, credit: photo.credit } as BodyPhoto);
  };
}

/** Whether a post comes across, and as what; the reason when it does not. */
function statusOf(item: WxrItem): ArticleStatus | string {
  return STATUSES[item.status] ?? `post with status « ${item.status || '(none)'} » skipped`;
}

/** Our comments thread two levels deep: a reply to a reply hangs under the thread's first comment. */
function threadParent(
  comment: WxrComment,
  byId: Map<number, WxrComment>,
  imported: Map<number, number>,
): number | null {
  let parent = comment.parent ? byId.get(comment.parent) : undefined;
  for (let depth = 0; parent?.parent && depth < 100; depth++) parent = byId.get(parent.parent);
  return parent ? (imported.get(parent.id) ?? null) : null;
}

async function importComments(
  trx: Trx,
  ctx: PostImport,
  article: { id: number; title: string },
  item: WxrItem,
): Promise<void> {
  const counts = ctx.report.counts.comments;
  const byId = new Map(item.comments.map((c) => [c.id, c]));
  const imported = new Map<number, number>();
  const mappings = [];
  for (const c of [...item.comments].sort((a, b) => a.id - b.id)) {
    const status = COMMENT_STATUSES[c.approved];
    const body = normalizeBody(commentText(c.content)).slice(0, 10_000);
    const skipped = !status
      ? `comment « ${c.approved} » skipped`
      : c.type && c.type !== 'comment'
        ? `${c.type} skipped`
        : !body
          ? 'empty comment skipped'
          : undefined;
    if (skipped) {
      counts.skipped++;
      note(ctx.report, skipped, `#${c.id} on « ${item.title} »`);
      continue;
    }
    const createdAt = isoFromWordPress(c.dateGmt) ?? ctx.now.toISOString();
    const row = await insertComment(trx, {
      article_id: article.id,
      article_title: article.title,
      parent_id: threadParent(c, byId, imported),
      author_name: htmlToText(c.author).slice(0, 100) || 'Anonyme',
      author_email: c.email.trim().toLowerCase().slice(0, 254),
      body,
      body_hash: bodyHash(body),
      status: status!,
      notify_replies: 0,
      ip_hash: '',
      created_at: createdAt,
      moderated_at: status === 'pending' ? null : createdAt,
      moderated_by: null,
      reason: null,
    });
    imported.set(c.id, row.id);
    mappings.push({ kind: 'comment' as const, wpId: c.id, ourId: row.id });
    counts.added++;
  }
  await insertImported(trx, mappings, ctx.now);
}

/** Whether a comment comes across (readers' comments not in the bin; no pingbacks). */
function importable(c: WxrComment): boolean {
  return !!COMMENT_STATUSES[c.approved] && (!c.type || c.type === 'comment');
}

function countComments(ctx: PostImport, item: WxrItem): void {
  for (const c of item.comments) ctx.report.counts.comments[importable(c) ? 'added' : 'skipped']++;
}

/**
 * Imports a batch of posts with their comments and old addresses, in one transaction (so an
 * interrupted import resumes at a batch's start); posts already imported are skipped.
 */
export async function importPostBatch(ctx: PostImport, items: WxrItem[]): Promise<void> {
  const { report } = ctx;
  const done = await listImported(
    ctx.db,
    'post',
    items.map((i) => i.id),
  );
  const todo: { item: WxrItem; status: ArticleStatus; section: PostSection }[] = [];
  for (const item of items) {
    if (done.has(item.id)) {
      report.counts.posts.existing++;
      report.counts.comments.existing += item.comments.filter(importable).length;
      continue;
    }
    const status = statusOf(item);
    if (!(status in { draft: 1, scheduled: 1, published: 1 })) {
      report.counts.posts.skipped++;
      note(report, status, `#${item.id} ${item.title}`);
      continue;
    }
    // Sections are made before the batch's transaction, each in its own.
    todo.push({ item, status: status as ArticleStatus, section: await ctx.sectionFor(item) });
  }
  if (ctx.dryRun) {
    for (const { item } of todo) {
      report.counts.posts.added++;
      countComments(ctx, item);
    }
    return;
  }
  if (!todo.length) return;
  const lookup = photoLookup(ctx.photos);
  await ctx.db.transaction().execute(async (trx) => {
    const sections = new Set<number>();
    for (const { item, status, section } of todo) {
      const converted = wordpressToMarkdown(item.content, lookup);
      for (const name of converted.unknownShortcodes)
        note(report, `unknown shortcode kept as text: [${name}]`, `#${item.id} ${item.title}`);
      for (let i = 0; i < converted.missingImages; i++)
        note(report, 'image in a body left out (not an imported attachment)', `#${item.id}`);
      const title = htmlToText(item.title).slice(0, 300) || `Sans titre (${item.id})`;
      const base = item.slug ? slugify(decodeSlug(item.slug)) : slugify(title);
      const slug = await uniqueSlug(base, async (s) => !!(await findArticleBySlug(trx, s)));
      const publishedAt =
        status === 'draft' ? null : (isoFromWordPress(item.dateGmt) ?? ctx.now.toISOString());
      const modifiedAt = isoFromWordPress(item.modifiedGmt);
      // « Mis à jour » only for a real later change (WordPress touches posts for little reason).
      const updatedAt =
        publishedAt && modifiedAt && Date.parse(modifiedAt) - Date.parse(publishedAt) > 3_600_000
          ? modifiedAt
          : null;
      const lead = ctx.photos.byId.get(Number(item.meta._thumbnail_id));
      if (item.meta._thumbnail_id && !lead)
        note(report, 'featured image left out (not an imported attachment)', `#${item.id}`);
      const authorId = ctx.authors.get(item.creator) ?? null;
      const article = await insertArticle(trx, {
        slug,
        section_id: section.id,
        kicker: '',
        title,
        standfirst: htmlToText(item.excerpt).slice(0, 1000),
        body: converted.markdown,
        body_html: renderMarkdown(converted.markdown, 'fr'),
        signature: '',
        author_id: authorId,
        status,
        published_at: publishedAt,
        updated_at: updatedAt,
        created_at: isoFromWordPress(item.dateGmt) ?? ctx.now.toISOString(),
        saved_at: modifiedAt ?? ctx.now.toISOString(),
        submitted_at: null,
        image_id: lead?.id ?? null,
        image_credit: lead?.credit ?? '',
        image_caption: lead?.caption ?? '',
        image_alt: lead?.alt ?? '',
        comments: item.commentStatus === 'closed' ? 'closed' : 'open',
        version: 1,
      });
      const tags = item.terms.filter((t) => t.domain === 'post_tag' || t.domain === 'category');
      await replaceArticleTags(
        trx,
        article.id,
        normalizeTags(
          tags.filter((t) => t.domain === 'post_tag' || t.slug !== section.slug).map((t) => t.name),
        ),
      );
      if (authorId !== null) await replaceArticleCoauthors(trx, article.id, [authorId]);
      await importComments(trx, ctx, article, item);
      if (status !== 'draft') {
        const target = `/${section.slug}/${slug}`;
        const paths = postPaths(item, ctx.baseUrl).filter((p) => p !== target);
        const added = await insertRedirects(
          trx,
          paths.map((path) => ({ path, target, created_at: ctx.now.toISOString() })),
        );
        report.counts.redirects.added += added;
        report.counts.redirects.existing += paths.length - added;
      }
      await insertImported(trx, [{ kind: 'post', wpId: item.id, ourId: article.id }], ctx.now);
      sections.add(section.id);
      report.counts.posts.added++;
    }
    await insertImported(trx, [PENDING_REINDEX], ctx.now);
    await bumpContentVersion(trx, [HOME_KEY, LISTS_KEY, ...[...sections].map(sectionKey)]);
  });
}
