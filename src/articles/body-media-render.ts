import type { ImageVariant } from '../media/image-variants.ts';
import type { Locale } from '../settings/site-settings.ts';
import { mediaUrl } from '../web/components.tsx';
import { stringsFor } from '../web/strings.ts';
import { typeset } from '../web/typography.ts';
import { embedOf } from './body-media.ts';

/** A media library item as a body photo shows it. */
export interface BodyMediaItem {
  id: number;
  width: number;
  height: number;
  alt: string;
  credit: string;
  caption: string;
  variants: ImageVariant[];
}

/**
 * Where a body is read: the full reader page (pictures, embed facades), the light edition (a
 * link to each photo, tapped to load; embeds as links) or a feed (plain images at absolute
 * addresses; embeds as links).
 */
export type BodyEdition = 'full' | 'lite' | 'feed';

const embedStrings = {
  fr: {
    show: (name: string) => `Afficher le contenu de ${name}`,
    open: (name: string) => `Voir sur ${name}`,
    note: (name: string) =>
      `Contenu hébergé par ${name} : rien n’en est chargé tant que vous ne le demandez pas ; ${name} peut alors déposer des cookies.`,
    newTab: (name: string) =>
      `Contenu hébergé par ${name}, à voir sur son site (nouvel onglet) : rien n’en est chargé ici.`,
  },
  en: {
    show: (name: string) => `Show the content from ${name}`,
    open: (name: string) => `See on ${name}`,
    note: (name: string) =>
      `Content hosted by ${name}: nothing of it loads until you ask; ${name} may then set cookies.`,
    newTab: (name: string) =>
      `Content hosted by ${name}, to see on its site (new tab): nothing of it loads here.`,
  },
};

// A photo alone takes the text column; a gallery puts two side by side.
const SIZES = {
  photo: '(min-width: 44rem) 44rem, 100vw',
  gallery: '(min-width: 44rem) 22rem, 50vw',
};
// Narrow enough for a phone, light enough for the edition (as PhotoOnTap).
const LITE_PHOTO_WIDTH = 640;

const PHOTO_MARKER =
  /<figure class="body-photo" data-media="(\d+)"><figcaption><span class="caption">([^<]*)<\/span><span class="credit">([^<]*)<\/span><\/figcaption><\/figure>/g;
const EMBED_MARKER =
  /<figure class="embed" data-embed="[a-z]+"><a href="([^"]*)"[^>]*>[^<]*<\/a><\/figure>/g;

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function unescapeAttr(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The library numbers of the photos a stored body shows. */
export function bodyMediaIds(html: string): number[] {
  return [...new Set([...html.matchAll(PHOTO_MARKER)].map((m) => Number(m[1])))];
}

function jpegs(item: BodyMediaItem): ImageVariant[] {
  return item.variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width);
}

function srcsetOf(item: BodyMediaItem, format: ImageVariant['format'], base: string): string {
  return item.variants
    .filter((v) => v.format === format)
    .sort((a, b) => a.width - b.width)
    .map((v) => `${esc(mediaUrl(v.file, base))} ${v.width}w`)
    .join(', ');
}

function photoHtml(
  item: BodyMediaItem,
  { caption, credit }: { caption: string; credit: string },
  opts: { edition: BodyEdition; base: string; locale: Locale; inGallery: boolean },
): string {
  const t = stringsFor(opts.locale);
  const list = jpegs(item);
  const pick = (min: number) => list.find((v) => v.width >= min) ?? list.at(-1);
  const fallback = pick(opts.edition === 'lite' ? LITE_PHOTO_WIDTH : 1024);
  if (!fallback) return '';
  // The caption and credit typed in the body, else the library's.
  const captionHtml = caption || esc(typeset(item.caption, opts.locale));
  const creditText = credit || esc(item.credit);
  const alt = esc(item.alt) || captionHtml.replace(/"/g, '&quot;');
  const captionParts = [
    captionHtml ? `<span class="caption">${captionHtml}</span>` : '',
    creditText
      ? `<span class="credit">${esc(typeset(t.photoCredit, opts.locale))} ${creditText}</span>`
      : '',
  ].filter(Boolean);
  const figcaption = captionParts.length
    ? `<figcaption>${captionParts.join(' — ')}</figcaption>`
    : '';
  const src = esc(mediaUrl(fallback.file, opts.base));
  let picture: string;
  if (opts.edition === 'lite') {
    const kb = Math.max(1, Math.round(fallback.bytes / 1000));
    picture = `<a class="photo-on-tap" href="${src}" type="image/jpeg" data-width="${fallback.width}" data-height="${fallback.height}" data-alt="${alt}">${esc(t.showPhoto(kb))}</a>`;
  } else if (opts.edition === 'feed') {
    picture = `<img src="${src}" width="${fallback.width}" height="${fallback.height}" alt="${alt}">`;
  } else {
    const sizes = opts.inGallery ? SIZES.gallery : SIZES.photo;
    picture =
      `<picture><source type="image/webp" srcset="${srcsetOf(item, 'webp', opts.base)}" sizes="${sizes}">` +
      `<img src="${src}" srcset="${srcsetOf(item, 'jpeg', opts.base)}" sizes="${sizes}" width="${item.width}" height="${item.height}" alt="${alt}" loading="lazy" decoding="async"></picture>`;
  }
  return `<figure class="body-photo">${picture}${figcaption}</figure>`;
}

function embedHtml(href: string, edition: BodyEdition, locale: Locale): string {
  const embed = embedOf(href);
  const link = `<a href="${esc(href)}" rel="noopener">${esc(href)}</a>`;
  if (!embed || edition !== 'full') return `<p>${link}</p>`;
  const s = embedStrings[locale];
  const name = embed.provider.name;
  const out = `<a href="${esc(href)}" rel="noopener noreferrer" target="_blank">${esc(s.open(name))}</a>`;
  const common =
    `<p class="embed-provider">${esc(name)}</p>` +
    `<p class="embed-link">${out} <span class="embed-url">${esc(href)}</span></p>`;
  if (!embed.frameSrc)
    return `<figure class="embed embed-${embed.provider.key}">${common}<p class="embed-note">${esc(typeset(s.newTab(name), locale))}</p></figure>`;
  // The button shows only with the embeds script, which swaps the player in when tapped.
  return (
    `<figure class="embed embed-${embed.provider.key}" data-embed-src="${esc(embed.frameSrc)}" data-embed-title="${esc(name)}">` +
    `${common}<p class="embed-note">${esc(typeset(s.note(name), locale))}</p>` +
    `<button type="button" class="embed-show" hidden>${esc(typeset(s.show(name), locale))}</button></figure>`
  );
}

/**
 * Renders a stored body's photo and embed markers for one edition. Photos missing from the
 * library (deleted, or a number that never existed) are left out; an empty gallery too.
 */
export function renderBodyMedia(
  html: string,
  opts: { edition: BodyEdition; media: BodyMediaItem[]; base?: string | undefined; locale: Locale },
): string {
  if (!html.includes('<figure class="')) return html;
  const byId = new Map(opts.media.map((m) => [m.id, m]));
  const base = opts.base ?? '';
  // Photos inside a gallery get the gallery's sizes.
  const photos = (chunk: string, inGallery: boolean) =>
    chunk.replace(PHOTO_MARKER, (_, id: string, caption: string, credit: string) => {
      const item = byId.get(Number(id));
      return item ? photoHtml(item, { caption, credit }, { ...opts, base, inGallery }) : '';
    });
  return html
    .replace(/<div class="gallery">([\s\S]*?)<\/div>/g, (_, inner: string) => {
      const shown = photos(inner, true).trim();
      return shown ? `<div class="gallery">${shown}</div>` : '';
    })
    .replace(PHOTO_MARKER, (whole) => photos(whole, false))
    .replace(EMBED_MARKER, (_, href: string) =>
      embedHtml(unescapeAttr(href), opts.edition, opts.locale),
    );
}
