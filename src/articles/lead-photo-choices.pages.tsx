import type { Locale } from '../settings/site-settings.ts';
import type { EditorPhoto } from './article-editor.pages.tsx';

// Choosing the lead photo without JavaScript and without knowing its number: the library's
// recent photos (or those a search finds) as radio buttons with their thumbnails. The search
// button sends the whole form back, which comes back as typed with the photos found, unsaved
// (see article-admin.routes.ts). With JavaScript the picker (editor.js) takes over and
// body-media.js hides this.

const fr = {
  legend: 'Choisir sans script',
  keep: 'Garder la photo actuelle',
  none: 'Aucune photo',
  missing: (id: number) => `Photo n° ${id} (introuvable dans la médiathèque)`,
  photo: (id: number, alt: string) => `Photo n° ${id}${alt ? ` : ${alt}` : ''}`,
  search: 'Chercher dans la médiathèque',
  find: 'Chercher',
  found: (n: number, q: string) =>
    q ? `${n} photo${n > 1 ? 's' : ''} pour « ${q} »` : 'Les photos les plus récentes',
  nothing: 'Aucune photo ne correspond.',
  searched:
    'Résultats de la recherche de photos ci-dessous, dans « Photo » ; rien n’a été enregistré.',
};

export type LeadPhotoStrings = typeof fr;

const en: LeadPhotoStrings = {
  legend: 'Choose without script',
  keep: 'Keep the current photo',
  none: 'No photo',
  missing: (id) => `Photo no. ${id} (not in the media library)`,
  photo: (id, alt) => `Photo no. ${id}${alt ? `: ${alt}` : ''}`,
  search: 'Search the media library',
  find: 'Search',
  found: (n, q) => (q ? `${n} photo${n > 1 ? 's' : ''} for “${q}”` : 'The latest photos'),
  nothing: 'No photo matches.',
  searched: 'Photo search results below, under « Photo »; nothing was saved.',
};

/** The lead photo chooser's strings for a locale. */
export function leadPhotoStringsFor(locale: Locale): LeadPhotoStrings {
  return locale === 'en' ? en : fr;
}

/**
 * The radio buttons: keep the photo the form names, none, or one of `choices`; and the search.
 * The buttons have no `type` attribute (submit by default) so that scripts and tests looking for
 * the form's `button[type="submit"]` find the save button only.
 */
export function LeadPhotoChoices(props: {
  locale: Locale;
  imageId: number | null;
  current: EditorPhoto | null;
  choices: EditorPhoto[];
  search: string;
}) {
  const t = leadPhotoStringsFor(props.locale);
  const { imageId, current } = props;
  const others = props.choices.filter((c) => c.id !== imageId);
  return (
    <fieldset class="lead-photo-choices">
      <legend>{t.legend}</legend>
      <ul class="media-grid photo-choices">
        {/* « keep » leaves the photo to the number field (the picker's, with script). */}
        <li>
          <label>
            <input type="radio" name="photoChoice" value="keep" checked />{' '}
            {current ? (
              <img src={current.url} width={current.width} height={current.height} alt="" />
            ) : null}
            <span>{imageId === null ? t.none : current ? t.keep : t.missing(imageId)}</span>
          </label>
        </li>
        {imageId !== null ? (
          <li>
            <label>
              <input type="radio" name="photoChoice" value="none" /> <span>{t.none}</span>
            </label>
          </li>
        ) : null}
        {others.map((c) => (
          <li>
            <label>
              <input type="radio" name="photoChoice" value={String(c.id)} />{' '}
              <img src={c.url} width={c.width} height={c.height} alt="" loading="lazy" />
              <span>{t.photo(c.id, c.alt)}</span>
            </label>
          </li>
        ))}
      </ul>
      <p class="hint" id="photo-choices-found">
        {others.length || !props.search ? t.found(others.length, props.search) : t.nothing}
      </p>
      <label for="a-photoSearch">{t.search}</label>
      <input id="a-photoSearch" name="photoSearch" type="search" value={props.search} />{' '}
      <button name="findPhoto" value="1" formnovalidate>
        {t.find}
      </button>
    </fieldset>
  );
}
