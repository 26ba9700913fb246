import { createPasteService, tidyMarkdown } from '../articles/paste-html.ts';

/*
 * A WordPress post's body (classic editor HTML with its line breaks, or Gutenberg block markup)
 * turned into our article Markdown. What the desk's paste keeps stays the same (paragraphs,
 * headings, lists, links, bold, italics); on top of it: quotes, the library's photos (an
 * <img>, a [caption] or a [gallery] naming an imported attachment), embeds (a link alone on its
 * line, [embed], a YouTube iframe, Gutenberg's embed block), block comments removed, and every
 * other shortcode reported and kept as text. The result is rendered by renderMarkdown, whose
 * sanitizer has the last word on anything hostile.
 */

/** A library photo as a body line will show it. */
export interface BodyPhoto {
  id: number;
  caption: string;
  credit: string;
}

/** Finds the library photo an attachment id or an uploads address became; undefined if none. */
export type PhotoLookup = (ref: { attachmentId?: number; src?: string }) => BodyPhoto | undefined;

export interface ConvertedBody {
  markdown: string;
  /** Shortcode names we do not know (`[contact-form-7 …]`), kept as text. */
  unknownShortcodes: string[];
  /** Images whose file is not in the import (another site's, or a missing attachment). */
  missingImages: number;
}

const TOKEN = (n: number) => `GRIOTWPTOKEN${n}X`;
const TOKEN_LINE = /^GRIOTWPTOKEN(\d+)X$/;
const BLOCK_START = /^<(p|div|h[1-6]|ul|ol|li|blockquote|table|figure|pre|hr|!--)\b/i;
const URL_ALONE = /^https?:\/\/[^\s<>"]+$/;

let service: ReturnType<typeof createPasteService> | undefined;

function converter() {
  if (service) return service;
  service = createPasteService();
  // Rules added later are tried first: quotes stay quotes here (the paste flattens them).
  service.addRule('wp-blockquote', {
    filter: 'blockquote',
    replacement: (content) => {
      const lines = tidyMarkdown(content).split('\n');
      return `\n\n${lines.map((l) => (l ? `> ${l}` : '>')).join('\n')}\n\n`;
    },
  });
  return service;
}

function attr(tag: string, name: string): string {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return decodeEntities(m?.[2] ?? m?.[3] ?? m?.[4] ?? '');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => safeChar(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => safeChar(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#039;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    ? String.fromCodePoint(code)
    : '';
}

/** Plain text of a bit of HTML: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>|<\/p>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** A comment's text: paragraphs and line breaks kept as line breaks, every tag dropped. */
export function commentText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function escapeCaption(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]]/g, '\\$&');
}

/** The Markdown line of one library photo. */
export function photoLine(photo: BodyPhoto): string {
  const credit = photo.credit.replace(/\s+/g, ' ').trim().replace(/["\\]/g, '\\$&');
  return `![${escapeCaption(photo.caption)}](media:${photo.id}${credit ? ` "${credit}"` : ''})`;
}

function youtubeWatch(src: string): string | undefined {
  const m = /youtube(?:-nocookie)?\.com\/embed\/([A-Za-z0-9_-]{11})/.exec(src);
  return m ? `https://www.youtube.com/watch?v=${m[1]}` : undefined;
}

/** The attachment id WordPress wrote on an image (`wp-image-123`), if any. */
function attachmentIdOf(img: string): number | undefined {
  const m = /\bwp-image-(\d+)\b/.exec(attr(img, 'class'));
  return m ? Number(m[1]) : undefined;
}

/** Wraps classic-editor text in paragraphs the way WordPress shows it (its wpautop). */
function autoParagraphs(html: string): string {
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>')}</p>`))
    .join('\n');
}

/** Converts one post's body; `photo` finds the library photos imported attachments became. */
export function wordpressToMarkdown(html: string, photo: PhotoLookup): ConvertedBody {
  const tokens: string[] = [];
  const unknown = new Set<string>();
  let missingImages = 0;
  const token = (markdown: string) => {
    tokens.push(markdown);
    return `\n\n<p>${TOKEN(tokens.length - 1)}</p>\n\n`;
  };
  const photoToken = (img: string, caption?: string) => {
    const found = photo({ attachmentId: attachmentIdOf(img), src: attr(img, 'src') });
    if (!found) {
      missingImages++;
      return caption ? `<p>${caption}</p>` : '';
    }
    const text = caption === undefined ? attr(img, 'alt') || found.caption : htmlToText(caption);
    return token(photoLine({ ...found, caption: text || found.caption }));
  };
  const embedToken = (url: string) => token(`<${url.replace(/[<>\s]/g, encodeURIComponent)}>`);

  const gutenberg = /<!--\s*wp:/.test(html);
  let body = html.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '');
  // Shortcodes first: they may wrap markup ([caption]) or stand for it ([gallery], [embed]).
  body = body
    .replace(
      /\[caption\b([^\]]*)\]([\s\S]*?)\[\/caption\]/gi,
      (_all, attrs: string, inner: string) => {
        const img = /<img\b[^>]*>/i.exec(inner)?.[0] ?? '';
        const caption = inner.replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i, '');
        const id = /attachment_(\d+)/.exec(attrs)?.[1];
        const tagged =
          id && !attachmentIdOf(img) ? img.replace(/<img/i, `<img class="wp-image-${id}"`) : img;
        return photoToken(tagged, caption.trim() || attr(attrs, 'caption'));
      },
    )
    .replace(/\[gallery\b([^\]]*)\]/gi, (_all, attrs: string) => {
      const lines = attr(attrs, 'ids')
        .split(',')
        .map((id) => photo({ attachmentId: Number(id.trim()) }))
        .filter((p): p is BodyPhoto => {
          if (!p) missingImages++;
          return !!p;
        })
        .map(photoLine);
      return lines.length ? token(lines.join('\n')) : '';
    })
    .replace(/\[embed\b[^\]]*\]\s*(https?:\/\/[^\s[]+)\s*\[\/embed\]/gi, (_all, url: string) =>
      embedToken(url),
    )
    .replace(
      /\[(?:youtube|video)\b[^\]]*?(https?:\/\/[^\s\]"']+)[^\]]*\](?:\[\/video\])?/gi,
      (_all, url: string) => embedToken(url),
    );
  // Gutenberg's figures: an image with its caption, or an embed's link in its wrapper.
  body = body.replace(
    /<figure\b([^>]*)>([\s\S]*?)<\/figure>/gi,
    (all, attrs: string, inner: string) => {
      if (/wp-block-embed/.test(attrs)) {
        const url = /https?:\/\/[^\s<"]+/.exec(inner)?.[0];
        return url ? embedToken(decodeEntities(url)) : '';
      }
      const img = /<img\b[^>]*>/i.exec(inner)?.[0];
      if (!img) return all;
      const caption = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner)?.[1];
      return photoToken(img, caption);
    },
  );
  body = body
    .replace(/<a\b[^>]*>\s*(<img\b[^>]*>)\s*<\/a>/gi, (_all, img: string) => photoToken(img))
    .replace(/<img\b[^>]*>/gi, (img) => photoToken(img))
    .replace(/<iframe\b[^>]*>[\s\S]*?<\/iframe>|<iframe\b[^>]*\/?>/gi, (frame) => {
      const url = youtubeWatch(attr(frame, 'src'));
      return url ? embedToken(url) : '';
    });
  // Any other shortcode is reported; its text stays (a reader sees what the newsroom wrote).
  for (const m of body.matchAll(/\[\/?([a-z][a-z0-9_-]*)(?=[\s\]/])[^\]]*\]/gi))
    unknown.add(m[1]!.toLowerCase());
  if (!gutenberg) body = autoParagraphs(body);
  // A paragraph that is a link and nothing else is an embed (WordPress's auto-embeds).
  body = body.replace(/<p>\s*(https?:\/\/[^\s<>"]+)\s*<\/p>/gi, (all, url: string) =>
    URL_ALONE.test(url) ? embedToken(decodeEntities(url)) : all,
  );
  const converted = tidyMarkdown(converter().turndown(body));
  const markdown = converted
    .split('\n')
    .map((line) => {
      const m = TOKEN_LINE.exec(line.trim());
      return m ? (tokens[Number(m[1])] ?? '') : line;
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, unknownShortcodes: [...unknown].sort(), missingImages };
}
