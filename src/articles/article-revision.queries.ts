import type { Db } from '../db/database.ts';

/** The editable fields a save stores in a revision (see snapshotOf in save-article.ts). */
export interface ContentSnapshot {
  title: string;
  kicker: string;
  standfirst: string;
  sectionId: number | null;
  body: string;
  signature: string;
  coauthorIds: number[];
  agency: string;
  slug: string;
  tags: string[];
  imageId: number | null;
  imageCredit: string;
  imageCaption: string;
  imageAlt: string;
  imageIsIllustration: boolean;
  comments: 'open' | 'closed';
  noAds: boolean;
}

/** A revision as the versions pages show it; `content` is null for status-only revisions. */
export interface ArticleRevision {
  version: number;
  editorName: string;
  note: string;
  editedAt: string;
  content: ContentSnapshot | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const id = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** Reads a stored snapshot; null unless it holds the editable fields (a save, not a status change). */
export function parseContentSnapshot(json: string): ContentSnapshot | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Record<string, unknown>;
  if (typeof s.title !== 'string' || typeof s.body !== 'string') return null;
  return {
    title: s.title,
    kicker: str(s.kicker),
    standfirst: str(s.standfirst),
    sectionId: id(s.sectionId),
    body: s.body,
    signature: str(s.signature),
    // Revisions from before co-authors existed have none.
    coauthorIds: Array.isArray(s.coauthorIds)
      ? s.coauthorIds.filter((x): x is number => typeof x === 'number' && Number.isInteger(x))
      : [],
    agency: str(s.agency),
    slug: str(s.slug),
    tags: Array.isArray(s.tags) ? s.tags.filter((x): x is string => typeof x === 'string') : [],
    imageId: id(s.imageId),
    imageCredit: str(s.imageCredit),
    imageCaption: str(s.imageCaption),
    imageAlt: str(s.imageAlt),
    imageIsIllustration: s.imageIsIllustration === true,
    comments: s.comments === 'closed' ? 'closed' : 'open',
    noAds: s.noAds === true,
  };
}

/** An article's revisions with their parsed snapshots, newest first. */
export async function listArticleRevisionsWithContent(
  db: Db,
  articleId: number,
): Promise<ArticleRevision[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .select(['version', 'editor_name', 'note', 'edited_at', 'snapshot'])
    .where('article_id', '=', articleId)
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    editorName: r.editor_name,
    note: r.note,
    editedAt: r.edited_at,
    content: parseContentSnapshot(r.snapshot),
  }));
}

/** One revision of an article, by version, with its parsed snapshot. */
export async function findArticleRevision(
  db: Db,
  articleId: number,
  version: number,
): Promise<ArticleRevision | undefined> {
  const row = await db
    .selectFrom('article_revisions')
    .select(['version', 'editor_name', 'note', 'edited_at', 'snapshot'])
    .where('article_id', '=', articleId)
    .where('version', '=', version)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    version: row.version,
    editorName: row.editor_name,
    note: row.note,
    editedAt: row.edited_at,
    content: parseContentSnapshot(row.snapshot),
  };
}
