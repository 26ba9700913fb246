import { bylineText } from '../authors/byline.ts';
import type { Child } from 'hono/jsx';
import type { Locale, SiteSettings } from '../settings/site-settings.ts';
import { Picture } from '../web/components.tsx';
import { jsonForScript, trustedHtml } from '../web/render.ts';
import { stringsFor } from '../web/strings.ts';
import { typeset } from '../web/typography.ts';
import type { ImageView } from './article.ts';
import { illustratedPhoto, LeadPhotoCaption } from './lead-photo.tsx';

// Everything here starts hidden: editor.js reveals what it drives, so without JavaScript the
// editor is the plain form.

const fr = {
  toolbar: 'Mise en forme du texte',
  tools: [
    { md: 'h2', label: 'Intertitre', title: 'Intertitre (## )' },
    { md: 'bold', label: 'Gras', title: 'Gras (Ctrl+B)' },
    { md: 'italic', label: 'Italique', title: 'Italique (Ctrl+I)' },
    { md: 'link', label: 'Lien', title: 'Lien [texte](https://)' },
    { md: 'quote', label: 'Citation', title: 'Citation (> )' },
    { md: 'list', label: 'Liste', title: 'Liste (- )' },
  ],
  preview: 'Aperçu (tel que sur le site)',
  pick: 'Choisir dans la médiathèque',
  pickerSearch: 'Rechercher une photo',
  upload: 'Importer une photo (JPEG, PNG ou WebP)',
  close: 'Fermer',
  remove: 'Retirer la photo',
  /** Messages the script shows; {time} is replaced by « 14 h 05 ». */
  script: {
    saving: 'Enregistrement automatique…',
    saved: 'Enregistré automatiquement à {time}',
    conflict: 'Modifié ailleurs : votre texte n’est pas enregistré automatiquement',
    invalid: 'Pas d’enregistrement automatique tant que le formulaire a des erreurs',
    failed: 'Enregistrement automatique impossible pour le moment ; nouvel essai bientôt',
    unsaved: 'Modifications non enregistrées',
    previewFailed: 'Aperçu indisponible pour le moment',
    bold: 'texte en gras',
    italic: 'texte en italique',
    linkText: 'texte du lien',
    none: 'Aucune photo ne correspond.',
    loading: 'Chargement…',
    uploading: 'Envoi de la photo…',
    uploaded: 'Photo importée et choisie.',
    uploadFailed: 'La photo n’a pas pu être importée.',
    chosen: 'Photo n° {id} choisie',
    removed: 'Photo retirée de l’article',
  },
};

export type EditorStrings = typeof fr;

const en: EditorStrings = {
  toolbar: 'Text formatting',
  tools: [
    { md: 'h2', label: 'Subheading', title: 'Subheading (## )' },
    { md: 'bold', label: 'Bold', title: 'Bold (Ctrl+B)' },
    { md: 'italic', label: 'Italic', title: 'Italic (Ctrl+I)' },
    { md: 'link', label: 'Link', title: 'Link [text](https://)' },
    { md: 'quote', label: 'Quote', title: 'Quote (> )' },
    { md: 'list', label: 'List', title: 'List (- )' },
  ],
  preview: 'Preview (as on the site)',
  pick: 'Choose from the media library',
  pickerSearch: 'Search for a photo',
  upload: 'Upload a photo (JPEG, PNG or WebP)',
  close: 'Close',
  remove: 'Remove the photo',
  script: {
    saving: 'Saving automatically…',
    saved: 'Saved automatically at {time}',
    conflict: 'Changed elsewhere: your text is not being saved automatically',
    invalid: 'No automatic saving while the form has errors',
    failed: 'Automatic saving is not possible right now; trying again soon',
    unsaved: 'Unsaved changes',
    previewFailed: 'Preview unavailable for the moment',
    bold: 'bold text',
    italic: 'italic text',
    linkText: 'link text',
    none: 'No photo matches.',
    loading: 'Loading…',
    uploading: 'Uploading the photo…',
    uploaded: 'Photo uploaded and chosen.',
    uploadFailed: 'The photo could not be uploaded.',
    chosen: 'Photo no. {id} chosen',
    removed: 'Photo removed from the article',
  },
};

/** The editor enhancement's strings for a locale. */
export function editorStringsFor(locale: Locale): EditorStrings {
  return locale === 'en' ? en : fr;
}

/** The Markdown toolbar shown above the body textarea; children are further tools (« Photo »). */
export function EditorToolbar(props: { t: EditorStrings; children?: Child }) {
  return (
    <div
      class="md-toolbar"
      role="toolbar"
      aria-label={props.t.toolbar}
      aria-controls="a-body"
      hidden
    >
      {props.t.tools.map((tool) => (
        <button type="button" data-md={tool.md} title={tool.title}>
          {tool.label}
        </button>
      ))}
      {props.children}
    </div>
  );
}

/** What the preview shows: the article as readers will see it, from the form's fields. */
export interface PreviewArticle {
  sectionName: string;
  kicker: string;
  title: string;
  standfirst: string;
  signature: string;
  /** The co-authors' public names, in order; they sign instead of the signature. */
  coauthors: string[];
  agency: string;
  photo: (ImageView & { illustration: boolean }) | null;
  /** The body rendered and sanitized as for the site. */
  bodyHtml: string;
}

/** The byline as the article page words it: co-authors, else the signature; then the agency. */
function previewByline(a: PreviewArticle, site: SiteSettings): string {
  const names = a.coauthors.length ? a.coauthors : a.signature ? [a.signature] : [];
  if (!names.length && !a.agency) return site.siteName;
  return bylineText(names, a.agency, site.locale);
}

/**
 * The whole article as the site shows it (section, kicker, title, standfirst, signature, photo
 * with its caption and credit, body), in the reader page's own classes and words.
 */
export function PreviewContent(props: { site: SiteSettings; article: PreviewArticle }) {
  const { site, article: a } = props;
  const locale = site.locale;
  const t = stringsFor(locale);
  // As on the article page: an illustration says so, unless its caption or alt already does.
  const { photo, caption: captionText } = illustratedPhoto(a.photo, locale);
  return (
    <>
      <header>
        {a.sectionName ? <span class="section-label">{a.sectionName}</span> : null}
        {a.kicker ? <p class="kicker">{typeset(a.kicker, locale)}</p> : null}
        <p class="preview-title">{typeset(a.title, locale)}</p>
        {a.standfirst ? <p class="standfirst">{typeset(a.standfirst, locale)}</p> : null}
        <div class="byline">
          <p>
            {t.by} <span class="signature">{previewByline(a, site)}</span>
          </p>
        </div>
      </header>
      {photo ? (
        <figure class="photo">
          <Picture image={photo} sizes="(min-width: 44rem) 44rem, 100vw" />
          <LeadPhotoCaption caption={captionText} credit={photo.credit} locale={locale} />
        </figure>
      ) : null}
      <div class="article-preview body">{trustedHtml(a.bodyHtml)}</div>
    </>
  );
}

/**
 * The live preview, beside the form on a wide screen and below it on a phone: the whole article
 * as the site renders it; editor.js replaces its content as the editor types.
 */
export function EditorPreview(props: {
  t: EditorStrings;
  site: SiteSettings;
  article: PreviewArticle;
}) {
  return (
    <aside class="editor-preview" aria-labelledby="apercu-titre" hidden>
      <h2 id="apercu-titre" class="editor-preview-label">
        {props.t.preview}
      </h2>
      <div class="article" data-preview="article">
        <PreviewContent site={props.site} article={props.article} />
      </div>
    </aside>
  );
}

/** The autosave status line. */
export function EditorStatus() {
  return <p class="editor-status" role="status" aria-live="polite" hidden />;
}

/** The article's photo as the editor shows it: a small variant and the text that describes it. */
export interface EditorPhoto {
  id: number;
  url: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * The current photo's thumbnail, shown with or without JavaScript; the picker replaces it when
 * another photo is chosen and hides it when the photo is removed.
 */
export function CurrentPhoto(props: { photo: EditorPhoto | null }) {
  const { photo } = props;
  return photo ? (
    <img
      class="picker-thumb"
      src={photo.url}
      width={photo.width}
      height={photo.height}
      alt={photo.alt}
      data-media-id={String(photo.id)}
    />
  ) : (
    <img class="picker-thumb" alt="" hidden />
  );
}

/** The photo picker: a search over the media library, an upload field, and a remove button. */
export function MediaPicker(props: { t: EditorStrings; hasPhoto: boolean }) {
  const { t } = props;
  return (
    <div class="media-picker" hidden>
      <button type="button" class="picker-open" aria-expanded="false" aria-controls="picker-panel">
        {t.pick}
      </button>{' '}
      <button type="button" class="picker-remove" hidden={!props.hasPhoto}>
        {t.remove}
      </button>
      <div id="picker-panel" class="picker-panel" hidden>
        <label for="picker-q">{t.pickerSearch}</label>
        <input id="picker-q" type="search" autocomplete="off" />
        <ul class="media-grid picker-results" aria-live="polite" />
        <label for="picker-file">{t.upload}</label>
        <input id="picker-file" type="file" accept="image/jpeg,image/png,image/webp" />
        <button type="button" class="picker-close">
          {t.close}
        </button>
      </div>
      <p class="picker-message" role="status" />
    </div>
  );
}

/** The editor script, with its strings handed over as JSON. */
export function EditorScript(props: { t: EditorStrings; src: string }) {
  return (
    <>
      <script type="application/json" id="editor-strings">
        {jsonForScript(props.t.script)}
      </script>
      <script src={props.src} defer />
    </>
  );
}
