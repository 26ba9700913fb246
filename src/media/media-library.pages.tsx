import { AdminLayout } from '../admin/admin-layout.tsx';
import type { Locale } from '../settings/site-settings.ts';
import { formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import type { ImageVariant } from './image-variants.ts';
import type { MediaRow } from './media.table.ts';
import type { MediaDetails, UploadRefusal } from './upload-media.ts';

const fr = {
  title: 'Médiathèque',
  search: 'Rechercher (texte alternatif, crédit, légende, fichier)',
  searchButton: 'Rechercher',
  results: (n: number, q: string) =>
    q ? `${n} résultat${n > 1 ? 's' : ''} pour « ${q} »` : `${n} image${n > 1 ? 's' : ''}`,
  empty: 'Aucune image.',
  upload: 'Ajouter une image',
  file: 'Fichier (JPEG, PNG ou WebP, 15 Mo au plus)',
  alt: 'Texte alternatif (décrit l’image pour qui ne la voit pas)',
  credit: 'Crédit',
  caption: 'Légende',
  send: 'Envoyer',
  save: 'Enregistrer',
  back: '← Médiathèque',
  pages: 'Pages',
  noAlt: '(sans texte alternatif)',
  size: 'Taille d’origine',
  type: 'Type',
  added: 'Ajoutée le',
  variants: 'Fichiers produits',
  details: 'Informations',
  uploaded: 'Image ajoutée. Les métadonnées (EXIF, GPS) ont été retirées.',
  duplicate: 'Cette image était déjà dans la médiathèque : la voici.',
  saved: 'Informations enregistrées.',
  refused: {
    empty: 'Aucun fichier reçu : choisissez une image.',
    'too-large': 'Fichier trop lourd : 15 Mo au plus.',
    'not-an-image': 'Ce fichier n’est pas une image.',
    'wrong-type': 'Format refusé : seuls JPEG, PNG et WebP sont acceptés.',
    corrupt: 'Image illisible (fichier abîmé ou incomplet).',
  } satisfies Record<UploadRefusal, string>,
  wrongTypeOf: (format: string) =>
    `Format refusé (${format.toUpperCase()}) : seuls JPEG, PNG et WebP sont acceptés.`,
  kb: (bytes: number) =>
    `${(bytes / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Ko`,
};

const en: typeof fr = {
  title: 'Media library',
  search: 'Search (alt text, credit, caption, file)',
  searchButton: 'Search',
  results: (n, q) =>
    q ? `${n} result${n > 1 ? 's' : ''} for “${q}”` : `${n} image${n > 1 ? 's' : ''}`,
  empty: 'No images.',
  upload: 'Add an image',
  file: 'File (JPEG, PNG or WebP, 15 MB at most)',
  alt: 'Alt text (describes the image for those who cannot see it)',
  credit: 'Credit',
  caption: 'Caption',
  send: 'Upload',
  save: 'Save',
  back: '← Media library',
  pages: 'Pages',
  noAlt: '(no alt text)',
  size: 'Original size',
  type: 'Type',
  added: 'Added on',
  variants: 'Generated files',
  details: 'Details',
  uploaded: 'Image added. Metadata (EXIF, GPS) was removed.',
  duplicate: 'This image was already in the library: here it is.',
  saved: 'Details saved.',
  refused: {
    empty: 'No file received: choose an image.',
    'too-large': 'File too large: 15 MB at most.',
    'not-an-image': 'This file is not an image.',
    'wrong-type': 'Format refused: only JPEG, PNG and WebP are accepted.',
    corrupt: 'Unreadable image (damaged or incomplete file).',
  },
  wrongTypeOf: (format) =>
    `Format refused (${format.toUpperCase()}): only JPEG, PNG and WebP are accepted.`,
  kb: (bytes) => `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} KB`,
};

/** The media library's interface strings for a locale. */
export function mediaStringsFor(locale: Locale): typeof fr {
  return locale === 'en' ? en : fr;
}

/** The message for a refused upload. */
export function refusalMessage(locale: Locale, reason: UploadRefusal, format?: string): string {
  const t = mediaStringsFor(locale);
  return reason === 'wrong-type' && format ? t.wrongTypeOf(format) : t.refused[reason];
}

/** The variants stored on a media row. */
export function variantsOf(media: MediaRow): ImageVariant[] {
  return JSON.parse(media.variants) as ImageVariant[];
}

/** The smallest JPEG of an item: what grids and pickers show. */
export function thumbnailOf(media: MediaRow): ImageVariant | undefined {
  return variantsOf(media)
    .filter((v) => v.format === 'jpeg')
    .sort((a, b) => a.width - b.width)[0];
}

function DetailFields(props: { t: typeof fr; values: MediaDetails }) {
  const { t, values } = props;
  return (
    <>
      <label for="media-alt">{t.alt}</label>
      <input id="media-alt" name="alt" type="text" maxlength={300} value={values.alt} />
      <label for="media-credit">{t.credit}</label>
      <input id="media-credit" name="credit" type="text" maxlength={200} value={values.credit} />
      <label for="media-caption">{t.caption}</label>
      <textarea id="media-caption" name="caption" rows={3} maxlength={1000}>
        {values.caption}
      </textarea>
    </>
  );
}

/** Everything the library page shows. */
export interface LibraryPageProps {
  ctx: PageContext;
  csrfToken: string;
  q: string;
  items: MediaRow[];
  total: number;
  page: number;
  pages: number;
  error?: string | undefined;
  typed?: MediaDetails | undefined;
}

/** The media library: upload form, search, and a grid of images, newest first. */
export function LibraryPage(p: LibraryPageProps) {
  const t = mediaStringsFor(p.ctx.site.locale);
  const pageUrl = (page: number) => {
    const params = new URLSearchParams();
    if (p.q) params.set('q', p.q);
    if (page > 1) params.set('page', String(page));
    const qs = params.toString();
    return `/admin/medias${qs ? `?${qs}` : ''}`;
  };
  return (
    <AdminLayout ctx={p.ctx} title={t.title} csrfToken={p.csrfToken}>
      <h1>{t.title}</h1>
      <details class="media-upload" open={!!p.error || p.total === 0}>
        <summary>{t.upload}</summary>
        <form method="post" action="/admin/medias" enctype="multipart/form-data">
          {p.error ? (
            <p class="alert" role="alert" id="upload-error">
              {p.error}
            </p>
          ) : null}
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <label for="media-file">{t.file}</label>
          <input
            id="media-file"
            name="file"
            type="file"
            required
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={p.error ? 'upload-error' : undefined}
          />
          <DetailFields t={t} values={p.typed ?? { alt: '', credit: '', caption: '' }} />
          <button type="submit">{t.send}</button>
        </form>
      </details>

      <form method="get" action="/admin/medias" class="mod-filter" role="search">
        <label for="media-q" class="visually-hidden">
          {t.search}
        </label>
        <input id="media-q" name="q" type="search" value={p.q} placeholder={t.search} />
        <button type="submit">{t.searchButton}</button>
      </form>
      <p class="hint">{t.results(p.total, p.q)}</p>

      {p.items.length ? (
        <ul
          class="media-grid"
          style="list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:0.75rem"
        >
          {p.items.map((m) => {
            const thumb = thumbnailOf(m);
            return (
              <li>
                <a href={`/admin/medias/${m.id}`}>
                  {thumb ? (
                    <img
                      src={`/media/${thumb.file}`}
                      width={thumb.width}
                      height={thumb.height}
                      alt={m.alt}
                      loading="lazy"
                    />
                  ) : null}
                  <span class="hint" style="display:block;overflow-wrap:anywhere">
                    {m.alt || t.noAlt}
                  </span>
                </a>
                {m.credit ? <small>{m.credit}</small> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t.empty}</p>
      )}

      {p.pages > 1 ? (
        <nav class="pager" aria-label={t.pages}>
          {p.page > 1 ? <a href={pageUrl(p.page - 1)}>← {p.page - 1}</a> : <i />}
          <span>
            {p.page} / {p.pages}
          </span>
          {p.page < p.pages ? <a href={pageUrl(p.page + 1)}>{p.page + 1} →</a> : <i />}
        </nav>
      ) : null}
    </AdminLayout>
  );
}

/** Everything the detail page of one item shows. */
export interface MediaPageProps {
  ctx: PageContext;
  csrfToken: string;
  media: MediaRow;
  flash?: string | undefined;
}

/** One media item: a preview, its facts, the edit form and the files produced from it. */
export function MediaPage(p: MediaPageProps) {
  const t = mediaStringsFor(p.ctx.site.locale);
  const { media } = p;
  const variants = variantsOf(media).sort(
    (a, b) => a.width - b.width || a.format.localeCompare(b.format),
  );
  const preview = variants.find((v) => v.format === 'jpeg' && v.width >= 640) ?? thumbnailOf(media);
  return (
    <AdminLayout ctx={p.ctx} title={`${t.title} — ${media.file}`} csrfToken={p.csrfToken}>
      <p>
        <a href="/admin/medias">{t.back}</a>
      </p>
      <h1 style="overflow-wrap:anywhere">{media.alt || media.file}</h1>
      {p.flash ? (
        <p class="notice" role="status">
          {p.flash}
        </p>
      ) : null}
      {preview ? (
        <img
          src={`/media/${preview.file}`}
          width={preview.width}
          height={preview.height}
          alt={media.alt}
          style="height:auto"
        />
      ) : null}
      <dl class="facts">
        <dt>{t.size}</dt>
        <dd>
          {media.width} × {media.height} px
        </dd>
        <dt>{t.type}</dt>
        <dd>{media.mime}</dd>
        <dt>{t.added}</dt>
        <dd>
          <time datetime={media.created_at}>{formatDateTime(media.created_at, p.ctx.site)}</time>
        </dd>
      </dl>

      <h2>{t.details}</h2>
      <form method="post" action={`/admin/medias/${media.id}`}>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <DetailFields t={t} values={media} />
        <button type="submit">{t.save}</button>
      </form>

      <h2>{t.variants}</h2>
      <ul class="media-variants">
        {variants.map((v) => (
          <li>
            <a href={`/media/${v.file}`}>{v.file}</a> — {v.width} × {v.height} px,{' '}
            {v.format.toUpperCase()}, {t.kb(v.bytes)}
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
