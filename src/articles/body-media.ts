import type MarkdownIt from 'markdown-it';
import { embedFrameOrigins } from '../web/embed-frames.ts';
import { typeset } from '../web/typography.ts';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/*
 * Photos and embeds in an article body. The newsroom types, in a paragraph of its own:
 *
 *   ![Légende](media:123 "Crédit")      one photo of the media library (no. 123)
 *   ![Une](media:123 "A")               two or more such lines in a row: a gallery
 *   ![Deux](media:124 "B")
 *   https://www.youtube.com/watch?v=…   a link alone on its line: an embed (YouTube, Facebook,
 *                                       X, TikTok, Instagram)
 *
 * At save time they become markers in the stored HTML (below), which say what the newsroom
 * typed and nothing about files or addresses; reader pages, the light edition and feeds render
 * them when they are read (body-media-render.ts), with the media library as it is then and the
 * media address of the moment (MEDIA_PUBLIC_URL), so a photo deleted later or a new address
 * never leaves a broken image in a stored body.
 */

/** A site whose posts an article may embed. */
export interface EmbedProvider {
  key: 'youtube' | 'facebook' | 'x' | 'tiktok' | 'instagram';
  /** Its name as readers know it. */
  name: string;
}

/** The providers, by key. */
export const EMBED_PROVIDERS: Record<EmbedProvider['key'], EmbedProvider> = {
  youtube: { key: 'youtube', name: 'YouTube' },
  facebook: { key: 'facebook', name: 'Facebook' },
  x: { key: 'x', name: 'X' },
  tiktok: { key: 'tiktok', name: 'TikTok' },
  instagram: { key: 'instagram', name: 'Instagram' },
};

/** What an embeddable link points at: its provider and, for a player, the player's address. */
export interface Embed {
  provider: EmbedProvider;
  url: string;
  /** The privacy-enhanced player to load once the reader asks (YouTube only). */
  frameSrc?: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

function youtubeFrame(url: URL): string | undefined {
  const host = url.hostname.replace(/^(www|m)\./, '');
  const parts = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  if (host === 'youtu.be') id = parts[0];
  else if (parts[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
  else if (['shorts', 'embed', 'live'].includes(parts[0] ?? '')) id = parts[1];
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  // « t=90 » or « t=90s »: where the link starts the video, the player starts it too.
  const start = /^(\d{1,6})s?$/.exec(
    url.searchParams.get('t') ?? url.searchParams.get('start') ?? '',
  );
  return `${embedFrameOrigins.youtube}/embed/${id}${start ? `?start=${start[1]}` : ''}`;
}

/** The embed a link stands for, when it is a post or video of a known provider; else undefined. */
export function embedOf(href: string): Embed | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password) return undefined;
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile|web)\./, '');
  const path = url.pathname;
  if (['youtube.com', 'youtu.be', 'youtube-nocookie.com'].includes(host)) {
    const frameSrc = youtubeFrame(url);
    return frameSrc ? { provider: EMBED_PROVIDERS.youtube, url: href, frameSrc } : undefined;
  }
  if ((host === 'facebook.com' && path.length > 1) || host === 'fb.watch')
    return { provider: EMBED_PROVIDERS.facebook, url: href };
  if (['x.com', 'twitter.com'].includes(host) && /^\/[A-Za-z0-9_]+\/status\/\d+/.test(path))
    return { provider: EMBED_PROVIDERS.x, url: href };
  if (
    (host === 'tiktok.com' && /^\/@[^/]+\/(video|photo)\/\d+/.test(path)) ||
    (['vm.tiktok.com', 'vt.tiktok.com'].includes(host) && path.length > 1)
  )
    return { provider: EMBED_PROVIDERS.tiktok, url: href };
  if (host === 'instagram.com' && /^\/(p|reel|reels|tv)\/[A-Za-z0-9_-]+/.test(path))
    return { provider: EMBED_PROVIDERS.instagram, url: href };
  return undefined;
}

const MEDIA_SRC = /^media:(\d{1,9})$/;

/** One photo as typed: its library number and the caption and credit typed with it. */
interface PhotoRef {
  id: number;
  caption: string;
  credit: string;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function textOf(tokens: Token[] | null): string {
  return (tokens ?? [])
    .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : textOf(t.children)))
    .join('');
}

// The photos of a paragraph made of `![…](media:N "…")` only, one per line; else undefined.
function photosOf(inline: Token): PhotoRef[] | undefined {
  const parts = (inline.children ?? []).filter(
    (t) => !(t.type === 'softbreak' || (t.type === 'text' && !t.content.trim())),
  );
  if (!parts.length) return undefined;
  const photos: PhotoRef[] = [];
  for (const t of parts) {
    const m = t.type === 'image' ? MEDIA_SRC.exec(String(t.attrGet('src') ?? '')) : null;
    if (!m) return undefined;
    photos.push({
      id: Number(m[1]),
      caption: textOf(t.children),
      credit: String(t.attrGet('title') ?? ''),
    });
  }
  return photos;
}

// The embed of a paragraph holding a bare link and nothing else (not a link with its own text).
function embedOfParagraph(inline: Token): Embed | undefined {
  const parts = (inline.children ?? []).filter((t) => !(t.type === 'text' && !t.content.trim()));
  if (parts.length !== 3) return undefined;
  const [open, text, close] = parts as [Token, Token, Token];
  if (open.type !== 'link_open' || text.type !== 'text' || close.type !== 'link_close')
    return undefined;
  if (open.markup !== 'linkify' && open.markup !== 'autolink') return undefined;
  return embedOf(String(open.attrGet('href') ?? ''));
}

function photoMarker(p: PhotoRef, locale: string): string {
  return (
    `<figure class="body-photo" data-media="${p.id}"><figcaption>` +
    `<span class="caption">${escapeText(typeset(p.caption.trim(), locale))}</span>` +
    `<span class="credit">${escapeText(p.credit.trim())}</span></figcaption></figure>\n`
  );
}

/**
 * The markdown-it plugin that turns photo paragraphs and bare embeddable links into the stored
 * markers (see the top of this file; sanitizeOptions below lets exactly these through).
 */
export function bodyMediaPlugin(md: InstanceType<typeof MarkdownIt>, locale: string): void {
  md.core.ruler.after('text_join', 'body_media', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
      if (open.type !== 'paragraph_open' || close.type !== 'paragraph_close') continue;
      if (inline.type !== 'inline' || open.level !== 0) continue;
      let html: string | undefined;
      const photos = photosOf(inline);
      if (photos) {
        const figures = photos.map((p) => photoMarker(p, locale)).join('');
        html = photos.length > 1 ? `<div class="gallery">\n${figures}</div>\n` : figures;
      } else {
        const embed = embedOfParagraph(inline);
        if (embed) {
          const href = escapeText(embed.url).replace(/"/g, '&quot;');
          html = `<figure class="embed" data-embed="${embed.provider.key}"><a href="${href}">${escapeText(embed.url)}</a></figure>\n`;
        }
      }
      if (html === undefined) continue;
      const token = new state.Token('html_block', '', 0);
      token.content = html;
      tokens.splice(i, 3, token);
    }
  });
}

/** What the stored-body sanitizer must let through for the markers, and nothing more. */
export const markerSanitizeOptions = {
  tags: ['figure', 'figcaption', 'span', 'div'],
  attributes: { figure: ['class', 'data-media', 'data-embed'], span: ['class'], div: ['class'] },
  classes: { figure: ['body-photo', 'embed'], span: ['caption', 'credit'], div: ['gallery'] },
};
