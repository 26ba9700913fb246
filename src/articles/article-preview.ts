import { publicName } from '../authors/byline.ts';
import type { Db } from '../db/database.ts';
import { listBylineUsers } from '../users/user.queries.ts';
import { variantsOf } from '../media/media-library.pages.tsx';
import { findMedia, listImagesByIds } from '../media/media.queries.ts';
import type { Section } from '../sections/section.table.ts';
import type { Locale } from '../settings/site-settings.ts';
import type { PreviewArticle } from './article-editor.pages.tsx';
import { renderMarkdown } from './markdown.ts';
import { bodyMediaIds, renderBodyMedia } from './body-media-render.ts';
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
  | 'coauthorIds'
  | 'agency'
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
  {
    draft,
    sections,
    locale,
    mediaBase,
  }: {
    draft: PreviewDraft;
    sections: Section[];
    locale: Locale;
    /** Where media files are served from (MEDIA_PUBLIC_URL), as on reader pages. */
    mediaBase?: string | undefined;
  },
): Promise<PreviewArticle> {
  const media = draft.imageId === null ? undefined : await findMedia(db, draft.imageId);
  const stored = renderMarkdown(draft.body.replace(/\r\n?/g, '\n'), locale);
  // Photos and embed cards as the reader page shows them (the players stay behind the card).
  const bodyHtml = renderBodyMedia(stored, {
    edition: 'full',
    media: await listImagesByIds(db, bodyMediaIds(stored)),
    base: mediaBase,
    locale,
  });
  const variants = media ? variantsOf(media) : [];
  // Co-authors in the order ticked, as the article page will sign it (authors/byline.ts).
  const ids = [...new Set(draft.coauthorIds)].slice(0, 20);
  const members = new Map((await listBylineUsers(db, ids)).map((u) => [u.id, u]));
  const coauthors = ids.flatMap((id) => {
    const m = members.get(id);
    return m ? [publicName(m)] : [];
  });
  return {
    sectionName: sections.find((s) => s.id === draft.sectionId)?.name ?? '',
    kicker: draft.kicker.trim(),
    title: oneLine(draft.title),
    standfirst: draft.standfirst.trim(),
    signature: draft.signature.trim(),
    coauthors,
    agency: draft.agency.trim(),
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
    bodyHtml,
  };
}

/** A title on one line: line breaks (pasted, or typed without the script) become spaces. */
export function oneLine(title: string): string {
  return title.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
