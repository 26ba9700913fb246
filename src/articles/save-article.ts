import { articleChangeKeys } from './article-keys.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Db, Trx } from '../db/database.ts';
import type { CurrentUser } from '../users/user.ts';
import { canCreateArticle, canEditArticle } from './article-workflow.ts';
import type { ArticleRow, CommentsMode } from './article.table.ts';
import {
  findArticleById,
  findArticleBySlug,
  insertArticle,
  insertArticleRevision,
  listArticleCoauthors,
  replaceArticleCoauthors,
  replaceArticleTags,
  updateArticleIfVersion,
  updateLatestAutosaveRevision,
} from './article.queries.ts';
import type { RevisionNote } from './revision-notes.ts';
import { renderMarkdown } from './markdown.ts';
import { mediaExists } from '../media/media.queries.ts';
import { syncArticleSearch } from '../search/sync-article-search.ts';
import { findSection } from '../sections/section.queries.ts';
import { listWriters } from '../users/user.queries.ts';
import { slugify, uniqueSlug } from './slug.ts';

/** The editable fields of an article, as the editor form sends them. */
export interface ArticleDraft {
  title: string;
  kicker: string;
  standfirst: string;
  sectionId: number | null;
  body: string;
  signature: string;
  /** The newsroom members who sign it, in order; they take precedence over the signature. */
  coauthorIds: number[];
  /** An agency credited after them (« avec AFP »). */
  agency: string;
  slug: string;
  tags: string[];
  imageId: number | null;
  imageCredit: string;
  imageCaption: string;
  imageAlt: string;
  imageIsIllustration: boolean;
  comments: CommentsMode;
  noAds: boolean;
  /** Show « Mis à jour le … » and move dateModified (a typo fix leaves this off). */
  flagUpdate: boolean;
}

export type DraftError =
  | 'titleLength'
  | 'sectionMissing'
  | 'slugInvalid'
  | 'slugTaken'
  | 'kickerLength'
  | 'standfirstLength'
  | 'imageMissing'
  | 'coauthorMissing'
  | 'agencyLength';

export type SaveResult =
  | { ok: true; article: ArticleRow }
  | { ok: false; reason: 'invalid'; errors: Partial<Record<keyof ArticleDraft, DraftError>> }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'not_found' }
  /** Someone saved since this editor loaded the article: nothing is overwritten. */
  | { ok: false; reason: 'conflict'; current: ArticleRow };

/** Checks a draft's fields; returns problems by field. */
export function validateDraft(
  draft: ArticleDraft,
): Partial<Record<keyof ArticleDraft, DraftError>> {
  const errors: Partial<Record<keyof ArticleDraft, DraftError>> = {};
  if (draft.title.trim().length < 3 || draft.title.trim().length > 200)
    errors.title = 'titleLength';
  if (draft.kicker.trim().length > 40) errors.kicker = 'kickerLength';
  if (draft.standfirst.trim().length > 600) errors.standfirst = 'standfirstLength';
  if (!draft.sectionId) errors.sectionId = 'sectionMissing';
  if (draft.agency.trim().length > 80) errors.agency = 'agencyLength';
  if (draft.slug && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(draft.slug)) errors.slug = 'slugInvalid';
  return errors;
}

function columns(draft: ArticleDraft, locale: string) {
  const body = draft.body.replace(/\r\n?/g, '\n');
  return {
    title: draft.title.trim(),
    kicker: draft.kicker.trim(),
    standfirst: draft.standfirst.trim(),
    section_id: draft.sectionId!,
    body,
    body_html: renderMarkdown(body, locale),
    signature: draft.signature.trim(),
    agency: draft.agency.trim(),
    image_id: draft.imageId,
    image_credit: draft.imageCredit.trim(),
    image_caption: draft.imageCaption.trim(),
    image_alt: draft.imageAlt.trim(),
    image_is_illustration: draft.imageIsIllustration ? 1 : 0,
    comments: draft.comments,
    no_ads: draft.noAds ? 1 : 0,
  };
}

// The revision snapshot: the fields an editor can change, enough to compare and restore.
function snapshotOf(draft: ArticleDraft, slug: string) {
  const { flagUpdate: _flag, ...fields } = draft;
  return { ...fields, slug };
}

/**
 * Creates or saves an article: validation, a unique slug, the version check that refuses to
 * overwrite someone else's save, a revision, and — when readers can see it — a content version bump.
 */
export async function saveArticle(
  db: Db,
  input: {
    id?: number;
    expectedVersion?: number;
    draft: ArticleDraft;
    user: CurrentUser;
    now: Date;
    locale: string;
    /** What the history says of this save: a save by hand, an autosave, or a restored version. */
    origin?: { kind: 'manual' } | { kind: 'autosave' } | { kind: 'restore'; version: number };
  },
): Promise<SaveResult> {
  const { draft, user, now } = input;
  const errors = validateDraft(draft);
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };

  return db.transaction().execute(async (trx): Promise<SaveResult> => {
    const existing = input.id ? await findArticleById(trx, input.id) : undefined;
    if (input.id && !existing) return { ok: false, reason: 'not_found' };
    const subject = existing
      ? {
          status: existing.status,
          authorId: existing.author_id,
          submittedAt: existing.submitted_at,
        }
      : undefined;
    if (subject ? !canEditArticle(user, subject) : !canCreateArticle(user))
      return { ok: false, reason: 'forbidden' };

    // Checked here, not left to the foreign keys: a gone photo or section is a message, not a 500.
    const missing: Partial<Record<keyof ArticleDraft, DraftError>> = {};
    if (draft.imageId !== null && !(await mediaExists(trx, draft.imageId)))
      missing.imageId = 'imageMissing';
    if (!(await findSection(trx, draft.sectionId!))) missing.sectionId = 'sectionMissing';
    // Members who write, and those already signing it (a member who left keeps their credit).
    const writers = new Set([
      ...(await listWriters(trx)).map((w) => w.id),
      ...(existing ? await listArticleCoauthors(trx, existing.id) : []).map((c) => c.id),
    ]);
    if (draft.coauthorIds.some((id) => !writers.has(id))) missing.coauthorIds = 'coauthorMissing';
    if (Object.keys(missing).length) return { ok: false, reason: 'invalid', errors: missing };

    const slug = await chooseSlug(trx, draft, existing);
    if (!slug) return { ok: false, reason: 'invalid', errors: { slug: 'slugTaken' } };
    const values = { ...columns(draft, input.locale), slug, saved_at: now.toISOString() };

    let article: ArticleRow;
    if (existing) {
      const visible = existing.status === 'published';
      const saved = await updateArticleIfVersion(trx, {
        id: existing.id,
        version: input.expectedVersion ?? -1,
        values: {
          ...values,
          ...(draft.flagUpdate && visible ? { updated_at: now.toISOString() } : {}),
        },
      });
      const current = (await findArticleById(trx, existing.id))!;
      if (!saved) return { ok: false, reason: 'conflict', current };
      article = current;
      if (visible || existing.status === 'scheduled')
        await bumpContentVersion(
          trx,
          articleChangeKeys(existing.id, [existing.section_id, current.section_id]),
        );
    } else {
      article = await insertArticle(trx, {
        ...values,
        author_id: user.id,
        status: 'draft',
        published_at: null,
        updated_at: null,
        created_at: now.toISOString(),
        submitted_at: null,
        version: 1,
      });
    }
    await replaceArticleTags(trx, article.id, normalizeTags(draft.tags));
    await replaceArticleCoauthors(trx, article.id, [...new Set(draft.coauthorIds)]);
    await syncArticleSearch(trx, article.id);
    const revision = {
      articleId: article.id,
      version: article.version,
      snapshot: snapshotOf(draft, slug),
      editedBy: user.id,
      editorName: user.name,
      note: noteFor(existing !== undefined, draft, input.origin),
      editedAt: now,
    };
    // A run of autosaves by one person keeps one revision, brought up to date, not one every few seconds.
    const merged =
      revision.note === 'autosave' &&
      (await updateLatestAutosaveRevision(trx, {
        ...revision,
        since: new Date(now.getTime() - AUTOSAVE_MERGE_MS),
      }));
    if (!merged) await insertArticleRevision(trx, revision);
    return { ok: true, article };
  });
}

/** Autosaves this close to the previous one, by the same person, update its revision. */
export const AUTOSAVE_MERGE_MS = 15 * 60_000;

function noteFor(
  exists: boolean,
  draft: ArticleDraft,
  origin: { kind: 'manual' } | { kind: 'autosave' } | { kind: 'restore'; version: number } = {
    kind: 'manual',
  },
): RevisionNote {
  if (!exists) return 'created';
  if (origin.kind === 'autosave') return 'autosave';
  if (origin.kind === 'restore') return `restored:${origin.version}`;
  return draft.flagUpdate ? 'update-flagged' : 'saved';
}

async function chooseSlug(
  trx: Trx,
  draft: ArticleDraft,
  existing: ArticleRow | undefined,
): Promise<string | null> {
  const wanted = draft.slug || existing?.slug || slugify(draft.title);
  const holder = await findArticleBySlug(trx, wanted);
  if (!holder || holder.id === existing?.id) return wanted;
  // A slug typed by hand that another article holds is an error; a generated one gets a number.
  if (draft.slug) return null;
  return uniqueSlug(wanted, async (s) => {
    const other = await findArticleBySlug(trx, s);
    return !!other && other.id !== existing?.id;
  });
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Tags as stored: lower case, trimmed, no control characters, unique, at most 10. */
export function normalizeTags(tags: string[]): string[] {
  return [
    ...new Set(
      tags
        .map((t) => t.replace(CONTROL_CHARACTERS, '').trim().toLowerCase())
        .filter((t) => t && t.length <= 40),
    ),
  ].slice(0, 10);
}
