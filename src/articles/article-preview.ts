import type { Db } from '../db/database.ts';
import { variantsOf } from '../media/media-library.pages.tsx';
import { findMedia } from '../media/media.queries.ts';
import type { Section } from '../sections/section.table.ts';
import type { Locale } from '../settings/site-settings.ts';
import type { PreviewArticle } from './article-editor.pages.tsx';
import { renderMarkdown } from './markdown.ts';
import type { ArticleDraft } from './save-article.ts';

/** The preview's fields: the part of a draft that readers see. */
export type PreviewDraft = Pick<
  ArticleDraft,
  | 'title'
  | 'kicker'
  | 'standfirst'
  | 'sectionId'
  | 'body'
  | 'signature'
  | 'imageId'
  | 'imageCredit'
  | 'imageCaption'
  | 'imageAlt'
  | 'imageIsIllustration'
>;

/**
 * The article as readers would see it, from the editor's fields: the body rendered as on the
 * site, the section's name, and the photo from the media library with the article's own
 * caption and credit (its text alternative, or the library's).
 */
export async function previewArticle(
  db: Db,
  { draft, sections, locale }: { draft: PreviewDraft; sections: Section[]; locale: Locale },
): Promise<PreviewArticle> {
  const media = draft.imageId === null ? undefined : await findMedia(db, draft.imageId);
  const variants = media ? variantsOf(media) : [];
  return {
    sectionName: sections.find((s) => s.id === draft.sectionId)?.name ?? '',
    kicker: draft.kicker.trim(),
    title: oneLine(draft.title),
    standfirst: draft.standfirst.trim(),
    signature: draft.signature.trim(),
    photo:
      media && variants.length
        ? {
            width: media.width,
            height: media.height,
            variants,
            alt: draft.imageAlt.trim() || media.alt,
            credit: draft.imageCredit.trim(),
            caption: draft.imageCaption.trim(),
            illustration: draft.imageIsIllustration,
          }
        : null,
    bodyHtml: renderMarkdown(draft.body.replace(/\r\n?/g, '\n'), locale),
  };
}

/** A title on one line: line breaks (pasted, or typed without the script) become spaces. */
export function oneLine(title: string): string {
  return title.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
