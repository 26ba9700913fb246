import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'archived';
export type CommentsMode = 'open' | 'closed';

/** The `articles` table: one row per article, with its anatomy and editorial state. */
export interface ArticleTable {
  id: Generated<number>;
  slug: string;
  section_id: number;
  kicker: string;
  title: string;
  standfirst: string;
  /** Markdown source as the newsroom wrote it. */
  body: string;
  /** Sanitized HTML rendered from `body`; the only HTML the reader pages print raw. */
  body_html: string;
  signature: string;
  author_id: number | null;
  status: ArticleStatus;
  published_at: string | null;
  /** Reader-visible « mis à jour » time; null when the article was never flagged as updated. */
  updated_at: string | null;
  created_at: string;
  image_id: number | null;
  image_credit: string;
  image_caption: string;
  image_alt: string;
  comments: CommentsMode;
  /** Incremented on every save; used for edit conflicts and cache invalidation. */
  version: number;
  /** An agency credited after the people (« …, avec AFP »); empty when none. */
  agency: Generated<string>;
  /** 1 when the featured photo is an illustration, not a picture of the event. */
  image_is_illustration: Generated<number>;
  /** When an author submitted the draft for review. */
  submitted_at: string | null;
  /** When the article was last saved by anyone (drafts included). */
  saved_at: string | null;
  /** 1 when the article is shown without advertising. */
  no_ads: Generated<number>;
  /** 1 when the article is a live page (« En direct »): its entries follow the body. */
  live: Generated<number>;
  /** When it became a live page (the coverage's start). */
  live_started_at: Generated<string | null>;
  /** When its coverage ended (« Terminé »); null while it goes on. */
  live_ended_at: Generated<string | null>;
}

/** The `article_revisions` table: a snapshot of the editable fields at every save. */
export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  snapshot: string;
  edited_by: number | null;
  editor_name: string;
  note: string;
  edited_at: string;
}

/** The `article_coauthors` table: the newsroom members who sign an article, in order. */
export interface ArticleCoauthorTable {
  article_id: number;
  user_id: number;
  position: number;
}

/** The `article_tags` table. */
export interface ArticleTagTable {
  article_id: number;
  tag: string;
}

export type ArticleRow = Selectable<ArticleTable>;
export type NewArticleRow = Insertable<ArticleTable>;
export type ArticleRowUpdate = Updateable<ArticleTable>;
