import sharp from 'sharp';
import { insertArticle } from '../../src/articles/article.queries.ts';
import type { ArticleRow, NewArticleRow } from '../../src/articles/article.table.ts';
import { renderMarkdown } from '../../src/articles/markdown.ts';
import { slugify } from '../../src/articles/slug.ts';
import { bumpContentVersion } from '../../src/cache/content-version.queries.ts';
import { insertComment } from '../../src/comments/comment.queries.ts';
import type { CommentRow, NewCommentRow } from '../../src/comments/comment.table.ts';
import type { Db } from '../../src/db/database.ts';
import { writeImageVariants } from '../../src/media/image-variants.ts';
import { insertMedia } from '../../src/media/media.queries.ts';
import { localMediaStore, type MediaStore } from '../../src/media/media-store.ts';
import type { MediaRow } from '../../src/media/media.table.ts';
import { syncArticleSearch } from '../../src/search/sync-article-search.ts';
import { insertSection } from '../../src/sections/section.queries.ts';
import type { Section } from '../../src/sections/section.table.ts';
import { hashPassword } from '../../src/users/password.ts';
import type { Role, User } from '../../src/users/user.table.ts';
import { insertUser } from '../../src/users/user.queries.ts';
import { defaultByline } from '../../src/users/user.ts';

let counter = 0;
const next = () => ++counter;

/** Inserts a section. */
export async function buildSection(db: Db, overrides: Partial<Section> = {}): Promise<Section> {
  const n = next();
  const name = overrides.name ?? `Rubrique ${n}`;
  return insertSection(db, {
    slug: overrides.slug ?? slugify(name),
    name,
    description: overrides.description ?? `Description de ${name}`,
    position: overrides.position ?? n,
    created_at: '2026-01-01T00:00:00.000Z',
  });
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** Inserts a newsroom account whose password is TEST_PASSWORD. */
export async function buildUser(
  db: Db,
  overrides: {
    email?: string;
    name?: string;
    byline?: string;
    role?: Role;
    disabled?: boolean;
  } = {},
): Promise<User> {
  const n = next();
  const name = overrides.name ?? `Journaliste ${n}`;
  const role = overrides.role ?? 'editor';
  return insertUser(db, {
    email: overrides.email ?? `user${n}@griot.test`,
    name,
    byline: overrides.byline ?? defaultByline(name, role),
    role,
    password_hash: await hashPassword(TEST_PASSWORD),
    disabled_at: overrides.disabled ? '2026-01-01T00:00:00.000Z' : null,
    created_at: '2026-01-01T00:00:00.000Z',
  });
}

/** Writes a real image with its variants to a media store (or DATA_DIR's) and inserts it. */
export async function buildImage(
  db: Db,
  storeOrDataDir: MediaStore | string,
  overrides: { width?: number; height?: number } = {},
): Promise<MediaRow> {
  const n = next();
  const width = overrides.width ?? 1600;
  const height = overrides.height ?? 900;
  const input = await sharp({
    create: { width, height, channels: 3, background: { r: 120, g: 90 + (n % 100), b: 60 } },
  })
    .jpeg()
    .toBuffer();
  const store =
    typeof storeOrDataDir === 'string' ? localMediaStore(storeOrDataDir) : storeOrDataDir;
  const file = `test-${n}-${Date.now()}`;
  const info = await writeImageVariants({ input, store, baseName: file });
  return insertMedia(db, {
    file,
    mime: 'image/jpeg',
    width: info.width,
    height: info.height,
    alt: 'Une image de test',
    credit: 'AGENCE TEST',
    caption: 'Image d’illustration',
    variants: JSON.stringify(info.variants),
    created_at: '2026-01-01T00:00:00.000Z',
  });
}

export const SAMPLE_BODY = `Premier paragraphe de l'article, qui pose les faits : qui, quoi, où et quand.

## Un premier intertitre

Deuxième paragraphe, avec un [lien](https://example.org/rapport) et du texte en *italique*.

> « Nous resterons vigilants », a déclaré le porte-parole.

## Un second intertitre

- premier point
- second point

Dernier paragraphe !`;

/** Inserts a published article (unless overridden) and bumps the content version. */
export async function buildArticle(
  db: Db,
  { section, ...overrides }: { section: Section } & Partial<NewArticleRow>,
): Promise<ArticleRow> {
  const n = next();
  const title = overrides.title ?? `Titre de l'article numéro ${n} sur la situation à Dounzé`;
  const body = overrides.body ?? SAMPLE_BODY;
  const article = await insertArticle(db, {
    slug: overrides.slug ?? slugify(title),
    section_id: section.id,
    kicker: 'TENSION',
    title,
    standfirst: 'Un chapô de deux phrases qui résume l’article. Il donne envie de lire la suite !',
    body,
    body_html: renderMarkdown(body, 'fr'),
    signature: 'Agence Fleuve Info',
    author_id: null,
    status: 'published',
    published_at: new Date(Date.UTC(2026, 10, 20, 8, 0) + n * 60_000).toISOString(),
    updated_at: null,
    created_at: '2026-11-20T07:00:00.000Z',
    image_id: null,
    image_credit: 'AGENCE TEST',
    image_caption: 'Image d’illustration',
    image_alt: 'Une image de test',
    comments: 'open',
    version: 1,
    ...overrides,
  });
  await syncArticleSearch(db, article.id);
  await bumpContentVersion(db);
  return article;
}

/**
 * Inserts a reader's comment on an article (pending unless told otherwise), each with its own
 * name, address and text; no content version is bumped (approving through decideComment does).
 */
export async function buildComment(
  db: Db,
  article: { id: number; title: string },
  overrides: Partial<NewCommentRow> = {},
): Promise<CommentRow> {
  const n = next();
  return insertComment(db, {
    article_id: article.id,
    article_title: article.title,
    parent_id: null,
    author_name: `Lecteur ${n}`,
    author_email: `lecteur${n}@example.org`,
    body: `Un avis mesuré numéro ${n} sur la question`,
    body_hash: `hash-${n}`,
    status: 'pending',
    notify_replies: 0,
    ip_hash: 'x',
    created_at: '2026-11-23T11:00:00.000Z',
    moderated_at: null,
    moderated_by: null,
    reason: null,
    ...overrides,
  });
}
