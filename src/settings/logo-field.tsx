import { thumbnailOf } from '../media/media-library.pages.tsx';
import type { MediaRow } from '../media/media.table.ts';
import type { Locale } from './site-settings.ts';

const fr = {
  legend: 'Logo',
  hint: 'Affiché en tête du site à la place du nom. Choisissez une image récente de la médiathèque ou envoyez-en une.',
  none: 'Pas de logo : le nom en texte',
  noAlt: '(sans texte alternatif)',
  file: 'Ou envoyer un nouveau logo (JPEG, PNG ou WebP, 15 Mo au plus)',
  fileHint:
    'Un fichier envoyé l’emporte sur le choix ci-dessus et rejoint la médiathèque. Un logo large et peu haut (par exemple 800 × 200 px) se lit le mieux.',
};

const en: typeof fr = {
  legend: 'Logo',
  hint: 'Shown at the top of the site instead of the name. Pick a recent image from the media library or upload one.',
  none: 'No logo: the name as text',
  noAlt: '(no alt text)',
  file: 'Or upload a new logo (JPEG, PNG or WebP, 15 MB at most)',
  fileHint:
    'An uploaded file wins over the choice above and joins the media library. A wide, short logo (e.g. 800 × 200 px) reads best.',
};

/** The logo part of the settings form: no logo, a recent library image, or a new file. */
export function LogoField(p: {
  locale: Locale;
  siteName: string;
  /** Recent library images, the current logo among them. */
  choices: MediaRow[];
  /** The media id checked, '' for no logo. */
  chosen: string;
  /** What is wrong with the picked image, or with the file. */
  choiceError?: string | undefined;
  fileError?: string | undefined;
}) {
  const t = p.locale === 'en' ? en : fr;
  const described = ['aide-logo', p.choiceError ? 'erreur-logo' : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      class={p.choiceError || p.fileError ? 'logo-field is-invalid' : 'logo-field'}
      aria-describedby={described}
    >
      <legend>{t.legend}</legend>
      <p class="hint" id="aide-logo">
        {t.hint}
      </p>
      {p.choiceError ? (
        <p class="field-error" id="erreur-logo">
          {p.choiceError}
        </p>
      ) : null}
      <ul class="logo-choices">
        <li>
          <label>
            <span class="logo-text" aria-hidden="true">
              {p.siteName}
            </span>
            <span class="logo-name">
              <input type="radio" name="logoMediaId" value="" checked={p.chosen === ''} />
              <span>{t.none}</span>
            </span>
          </label>
        </li>
        {p.choices.map((m) => {
          const thumb = thumbnailOf(m);
          return (
            <li>
              <label>
                {thumb ? (
                  <img
                    src={`/media/${thumb.file}`}
                    width={thumb.width}
                    height={thumb.height}
                    alt=""
                    loading="lazy"
                  />
                ) : null}
                <span class="logo-name">
                  <input
                    type="radio"
                    name="logoMediaId"
                    value={String(m.id)}
                    checked={p.chosen === String(m.id)}
                  />
                  <span>{m.alt || t.noAlt}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <label for="logo-file">{t.file}</label>
      <input
        id="logo-file"
        name="logoFile"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-invalid={p.fileError ? 'true' : undefined}
        aria-describedby={
          p.fileError ? 'aide-logo-fichier erreur-logo-fichier' : 'aide-logo-fichier'
        }
      />
      <p class="hint" id="aide-logo-fichier">
        {t.fileHint}
      </p>
      {p.fileError ? (
        <p class="field-error" id="erreur-logo-fichier">
          {p.fileError}
        </p>
      ) : null}
    </fieldset>
  );
}
