import type { Locale } from '../settings/site-settings.ts';
import { stringsFor } from '../web/strings.ts';
import { typeset } from '../web/typography.ts';
import type { ImageView } from './article.ts';

/**
 * The lead photo as readers are told of it: an illustration (not a picture of the event) says so
 * in its text alternative and its caption, unless they already do. The article page and the
 * editor's preview both show it this way.
 */
export function illustratedPhoto<T extends ImageView>(
  image: T | null,
  locale: Locale,
): { photo: T | null; caption: string } {
  const label = stringsFor(locale).illustration;
  const says = (text: string) => /illustrati/i.test(text);
  if (!image?.illustration) return { photo: image, caption: image?.caption ?? '' };
  return {
    photo: says(image.alt)
      ? image
      : { ...image, alt: image.alt ? `${image.alt} (${label.toLowerCase()})` : label },
    caption: says(image.caption)
      ? image.caption
      : [label, image.caption].filter(Boolean).join('. '),
  };
}

/** Under the lead photo: its caption, then « Crédit photo : … ». */
export function LeadPhotoCaption(props: { caption: string; credit: string; locale: Locale }) {
  const { caption, credit, locale } = props;
  return (
    <figcaption>
      {caption ? <span class="caption">{typeset(caption, locale)}</span> : null}
      {caption && credit ? ' — ' : null}
      {credit ? (
        <span class="credit">
          {typeset(stringsFor(locale).photoCredit, locale)} {credit}
        </span>
      ) : null}
    </figcaption>
  );
}
