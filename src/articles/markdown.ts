import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { typeset } from '../web/typography.ts';
import { lineParagraphs } from './line-paragraphs.ts';
import { bodyMediaPlugin, markerSanitizeOptions } from './body-media.ts';

function createRenderer(locale: string) {
  // Raw HTML in the source is escaped, never passed through: the newsroom writes Markdown only.
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // One line, one paragraph (see line-paragraphs.ts).
  md.use(lineParagraphs);
  md.core.ruler.after('text_join', 'typeset', (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type === 'text') token.content = typeset(token.content, locale);
      }
    }
  });
  bodyMediaPlugin(md, locale);
  return md;
}

const renderers = new Map<string, ReturnType<typeof createRenderer>>();

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'strong',
    'em',
    'code',
    'pre',
    'br',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    's',
    ...markerSanitizeOptions.tags,
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    ...markerSanitizeOptions.attributes,
  },
  allowedClasses: markerSanitizeOptions.classes,
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  transformTags: {
    // The page's only h1 is the article title.
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:\/\//.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener' } : attribs,
    }),
  },
};

/** Renders an article body from Markdown to sanitized HTML, with the locale's typography. */
export function renderMarkdown(source: string, locale = 'fr'): string {
  let md = renderers.get(locale);
  if (!md) {
    md = createRenderer(locale);
    renderers.set(locale, md);
  }
  return sanitizeHtml(md.render(source), sanitizeOptions);
}
