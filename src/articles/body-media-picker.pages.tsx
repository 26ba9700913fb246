import type { Locale } from '../settings/site-settings.ts';
import { jsonForScript } from '../web/render.ts';

// The editor's « Photo » button and its panel (body-media.js), and the help on the body's
// photo and embed syntax (articles/body-media.ts), shown with or without JavaScript.

const fr = {
  button: 'Photo',
  buttonTitle: 'Insérer une photo dans le texte',
  panel: 'Insérer une photo dans le texte',
  search: 'Rechercher dans la médiathèque',
  gallery: 'Galerie : mettre la photo à la suite de la précédente',
  upload: 'Ou importer une photo (JPEG, PNG ou WebP)',
  uploadCaption: 'Légende de la photo importée',
  uploadCredit: 'Crédit de la photo importée',
  close: 'Fermer',
  helpTitle: 'Photos, galeries et contenus intégrés',
  help: [
    'Une photo de la médiathèque, seule dans son paragraphe : ![Légende](media:123 "Crédit"). Le bouton « Photo » l’insère pour vous.',
    'Une galerie : plusieurs de ces lignes à la suite, sans ligne vide entre elles.',
    'Une vidéo YouTube, une publication Facebook, X, TikTok ou Instagram : collez son lien seul sur sa ligne. Le lecteur voit une carte, et le contenu ne se charge que s’il le demande.',
  ],
  script: {
    loading: 'Chargement…',
    none: 'Aucune photo ne correspond.',
    inserted: 'Photo n° {id} insérée dans le texte.',
    uploading: 'Envoi de la photo…',
    uploadFailed: 'La photo n’a pas pu être importée.',
    choose: 'Insérer la photo n° {id}',
  },
};

export type BodyMediaStrings = typeof fr;

const en: BodyMediaStrings = {
  button: 'Photo',
  buttonTitle: 'Insert a photo in the text',
  panel: 'Insert a photo in the text',
  search: 'Search the media library',
  gallery: 'Gallery: put the photo right after the previous one',
  upload: 'Or upload a photo (JPEG, PNG or WebP)',
  uploadCaption: 'Caption of the uploaded photo',
  uploadCredit: 'Credit of the uploaded photo',
  close: 'Close',
  helpTitle: 'Photos, galleries and embedded posts',
  help: [
    'A photo from the media library, alone in its paragraph: ![Caption](media:123 "Credit"). The « Photo » button inserts it for you.',
    'A gallery: several such lines in a row, with no blank line between them.',
    'A YouTube video, or a Facebook, X, TikTok or Instagram post: paste its link alone on its line. Readers see a card, and the content loads only when they ask.',
  ],
  script: {
    loading: 'Loading…',
    none: 'No photo matches.',
    inserted: 'Photo no. {id} inserted in the text.',
    uploading: 'Uploading the photo…',
    uploadFailed: 'The photo could not be uploaded.',
    choose: 'Insert photo no. {id}',
  },
};

/** The body photo picker's strings for a locale. */
export function bodyMediaStringsFor(locale: Locale): BodyMediaStrings {
  return locale === 'en' ? en : fr;
}

/** The toolbar's « Photo » button (shown by body-media.js). */
export function BodyPhotoButton({ t }: { t: BodyMediaStrings }) {
  return (
    <button
      type="button"
      class="md-photo"
      title={t.buttonTitle}
      aria-controls="body-media-panel"
      aria-expanded="false"
      hidden
    >
      {t.button}
    </button>
  );
}

/**
 * The panel the « Photo » button opens under the toolbar: a search of the library, a choice that
 * inserts the photo at the cursor, and an upload. Its fields have no name: they are never sent
 * with the article.
 */
export function BodyMediaPanel({ t }: { t: BodyMediaStrings }) {
  return (
    <div
      id="body-media-panel"
      class="picker-panel body-media-panel"
      role="group"
      aria-label={t.panel}
      hidden
    >
      <label for="body-media-q">{t.search}</label>
      <input id="body-media-q" type="search" autocomplete="off" />
      <label class="check">
        <input id="body-media-gallery" type="checkbox" /> {t.gallery}
      </label>
      <ul class="media-grid picker-results body-media-results" aria-live="polite" />
      <label for="body-media-file">{t.upload}</label>
      <input id="body-media-file" type="file" accept="image/jpeg,image/png,image/webp" />
      <label for="body-media-caption">{t.uploadCaption}</label>
      <input id="body-media-caption" type="text" autocomplete="off" />
      <label for="body-media-credit">{t.uploadCredit}</label>
      <input id="body-media-credit" type="text" autocomplete="off" />
      <p>
        <button type="button" class="body-media-close">
          {t.close}
        </button>
      </p>
      <p class="picker-message body-media-message" role="status" />
    </div>
  );
}

/** How to type photos, galleries and embeds: under the body field, script or not. */
export function BodySyntaxHelp({ t }: { t: BodyMediaStrings }) {
  return (
    <details class="body-help">
      <summary>{t.helpTitle}</summary>
      <ul>
        {t.help.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </details>
  );
}

/** The body photo picker's script, with its strings handed over as JSON. */
export function BodyMediaScript({ t, src }: { t: BodyMediaStrings; src: string }) {
  return (
    <>
      <script type="application/json" id="body-media-strings">
        {jsonForScript(t.script)}
      </script>
      <script src={src} defer />
    </>
  );
}
