import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** The `media` table: uploaded images with their resized variants and default credits. */
export interface MediaTable {
  id: Generated<number>;
  /** Base name shared by the variant files in the media folder. */
  file: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  credit: string;
  caption: string;
  /** JSON of ImageVariant[] (see image-variants.ts). */
  variants: string;
  created_at: string;
  /** When an instance took on building the share image; null when none is building it. */
  og_claimed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export type MediaRow = Selectable<MediaTable>;
export type NewMediaRow = Insertable<MediaTable>;
