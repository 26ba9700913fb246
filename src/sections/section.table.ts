import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** The `sections` table (rubriques). */
export interface SectionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
  created_at: string;
}

export type Section = Selectable<SectionTable>;
export type NewSection = Insertable<SectionTable>;
export type SectionUpdate = Updateable<SectionTable>;

/** The `section_slug_redirects` table: old slugs of renamed sections. */
export interface SectionSlugRedirectTable {
  old_slug: string;
  section_id: number;
}
