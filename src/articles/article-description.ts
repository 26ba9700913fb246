import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const { unescapeAll } = new MarkdownIt().utils;

/** About what search engines and share cards show of a description. */
export const DESCRIPTION_MAX = 160;

/**
 * What describes an article where a summary is wanted (meta description, Open Graph, JSON-LD,
 * feeds): its standfirst, or else the opening of its body as plain text, cut at the end of a
 * sentence within DESCRIPTION_MAX characters (at a word, with « … », when no sentence ends soon
 * enough). Subheadings, captions, quotes set apart and ad slots are left out.
 */
export function articleDescription(a: { standfirst: string; bodyHtml: string }): string {
  const standfirst = a.standfirst.trim();
  if (standfirst) return standfirst;
  const paragraphs = [...a.bodyHtml.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g)].map((m) =>
    unescapeAll(sanitizeHtml(m[1]!, { allowedTags: [], allowedAttributes: {} })),
  );
  const text = paragraphs.join(' ').replace(/\s+/g, ' ').trim();
  if (text.length <= DESCRIPTION_MAX) return text;
  const head = text.slice(0, DESCRIPTION_MAX);
  // The last sentence end (. ! ? … and a closing » or quote) followed by a space, not too early.
  let cut = -1;
  for (const m of head.matchAll(/[.!?…](?:\s?[»”"’)])?(?=\s)/g)) cut = m.index + m[0].length;
  if (cut >= 60) return text.slice(0, cut);
  const word = head.lastIndexOf(' ', DESCRIPTION_MAX - 1);
  return `${text.slice(0, word > 0 ? word : DESCRIPTION_MAX - 1).replace(/[\s,;:–—-]+$/, '')}…`;
}
