import TurndownService from 'turndown';

// What HTML pasted into the article body keeps: paragraphs, subheadings, bold, italics, links
// (http, https, mailto) and lists. Everything else a word processor or a web page puts on the
// clipboard (styles, classes, spans, images, scripts, comments, tables as tables, Word's <o:p>,
// Google Docs' wrapper) is dropped, its text kept where it is text. Plain text: paste-text.ts.

/** The part of a DOM element the conversion reads (turndown parses with domino on the server). */
interface El {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  textContent: string | null;
  parentNode: El | null;
  childNodes: ArrayLike<El>;
  nextSibling: El | null;
  previousSibling: El | null;
  getAttribute(name: string): string | null;
}

const DROPPED = [
  'script',
  'style',
  'noscript',
  'template',
  'title',
  'meta',
  'link',
  'head',
  'xml',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'source',
  'figcaption',
  'button',
  'select',
  'input',
  'textarea',
  'hr',
];
const HEADINGS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'];
const BLOCKS = new Set(['P', 'DIV', 'LI', 'TD', 'TH', 'BLOCKQUOTE', 'PRE', ...HEADINGS]);
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
// A paragraph wholly in bold and this short, without a sentence's end, reads as a subheading.
const SUBHEADING_MAX = 90;

const tagOf = (node: El) => node.nodeName.toUpperCase();
const styleOf = (node: El) => (node.getAttribute?.('style') ?? '').toLowerCase();
const classOf = (node: El) => node.getAttribute?.('class') ?? '';

/** Whether an element's own markup sets bold (true), sets it off (false), or says nothing. */
function ownWeight(node: El): boolean | undefined {
  const weight = /font-weight\s*:\s*([a-z0-9]+)/.exec(styleOf(node))?.[1];
  if (weight) return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  if (tagOf(node) === 'B' || tagOf(node) === 'STRONG') return true;
  return undefined;
}

function ownItalic(node: El): boolean | undefined {
  const style = /font-style\s*:\s*([a-z]+)/.exec(styleOf(node))?.[1];
  if (style) return style === 'italic' || style === 'oblique';
  if (tagOf(node) === 'I' || tagOf(node) === 'EM') return true;
  return undefined;
}

/** The nearest element's say on a property, from `node` up to the fragment's root. */
function effective(node: El | null, own: (node: El) => boolean | undefined): boolean {
  for (let n = node; n && n.nodeType === 1; n = n.parentNode) {
    const value = own(n);
    if (value !== undefined) return value;
  }
  return false;
}

/** An element's text with line breaks as spaces, whitespace collapsed. */
function flatText(node: El): string {
  let out = '';
  const walk = (n: El) => {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.nodeType === 1 && tagOf(n) === 'BR') out += ' ';
    else if (n.nodeType === 1 && !DROPPED.includes(n.nodeName.toLowerCase()))
      Array.from(n.childNodes).forEach(walk);
  };
  walk(node);
  return out.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** Whether every letter of a block is bold (Google Docs' and many writers' subheadings). */
function whollyBold(node: El): boolean {
  let bold = true;
  let any = false;
  const walk = (n: El) => {
    if (n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) {
      any = true;
      if (!effective(n.parentNode, ownWeight)) bold = false;
    } else if (n.nodeType === 1 && !DROPPED.includes(n.nodeName.toLowerCase()))
      Array.from(n.childNodes).forEach(walk);
  };
  walk(node);
  return any && bold;
}

/** The block-level ancestors of a node, up to the fragment's root. */
function insideBlock(node: El, tags: string[]): boolean {
  for (let n = node.parentNode; n && n.nodeType === 1; n = n.parentNode)
    if (tags.includes(tagOf(n))) return true;
  return false;
}

/** Whether a block has another block beside it (so it is one paragraph among others). */
function hasBlockSibling(node: El): boolean {
  for (const step of ['previousSibling', 'nextSibling'] as const)
    for (let n = node[step]; n; n = n[step])
      if (n.nodeType === 1 && BLOCKS.has(tagOf(n))) return true;
  return false;
}

/** Whether the inline formatting rule handles an element (a link's own rule wins over it). */
function styled(node: El): boolean {
  return (
    node.nodeType === 1 &&
    !BLOCKS.has(tagOf(node)) &&
    tagOf(node) !== 'A' &&
    (ownWeight(node) !== undefined || ownItalic(node) !== undefined)
  );
}

/** Whether an element starts bold (or italics) where its parent had none, around some text. */
function opens(node: El, own: (node: El) => boolean | undefined): boolean {
  return (
    styled(node) &&
    /\S/.test(node.textContent ?? '') &&
    effective(node, own) &&
    !effective(node.parentNode, own)
  );
}

function wordListItem(node: El): boolean {
  return tagOf(node) === 'P' && /mso-list\s*:\s*l\d/.test(styleOf(node));
}

function subheading(level: 2 | 3, text: string, service: TurndownService): string {
  return text ? `\n\n${'#'.repeat(level)} ${service.escape(text)}\n\n` : '\n\n';
}

/** The paste conversion's turndown service; the WordPress import adds its own rules to one. */
export function createPasteService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
  });
  let rules = 0;
  const rule = (
    filter: (node: El) => boolean,
    replacement: (content: string, node: El) => string,
  ) =>
    service.addRule(`griot-${++rules}`, {
      filter: (node) => filter(node as unknown as El),
      replacement: (content, node) => replacement(content, node as unknown as El),
    });
  // Rules added later are tried first.
  rule(styled, (content, node) => {
    if (!content.trim() || insideBlock(node, HEADINGS)) return content;
    let out = content;
    for (const [own, mark] of [
      [ownItalic, '*'],
      [ownWeight, '**'],
    ] as const) {
      if (!opens(node, own)) continue;
      // Runs split for no visible reason (Google Docs, Word) read as one: `*a**b*` is no italic.
      const before = node.previousSibling && opens(node.previousSibling, own) ? '' : mark;
      const after = node.nextSibling && opens(node.nextSibling, own) ? '' : mark;
      out = `${before}${out}${after}`;
    }
    return out;
  });
  rule(
    (node) => tagOf(node) === 'A',
    (content, node) => {
      const href = (node.getAttribute('href') ?? '').trim();
      if (!SAFE_LINK.test(href) || !content.trim()) return content;
      const escaped = href.replace(
        /[\s<>()\\]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
      );
      return `[${content}](${escaped})`;
    },
  );
  // A line break in a paragraph is a new paragraph: pages and mails often separate theirs so.
  rule(
    (node) => tagOf(node) === 'BR',
    (_content, node) => (insideBlock(node, ['LI', ...HEADINGS]) ? ' ' : '\n\n'),
  );
  rule(
    (node) => HEADINGS.includes(tagOf(node)),
    (_content, node) => subheading(tagOf(node) <= 'H2' ? 2 : 3, flatText(node), service),
  );
  // Word's title styles, and a short paragraph wholly in bold when it is one among others.
  rule(
    (node) =>
      tagOf(node) === 'P' ||
      (tagOf(node) === 'DIV' && !Array.from(node.childNodes).some((c) => BLOCKS.has(tagOf(c)))),
    (content, node) => {
      const text = flatText(node);
      if (/\bMsoTitle\b/.test(classOf(node))) return subheading(2, text, service);
      if (/\bMsoSubtitle\b/.test(classOf(node))) return subheading(3, text, service);
      const short = text.length <= SUBHEADING_MAX && !/[.,;:…]$/.test(text);
      if (short && hasBlockSibling(node) && whollyBold(node)) return subheading(2, text, service);
      return `\n\n${content}\n\n`;
    },
  );
  // Word's list paragraphs carry their bullet or number as text in a span of their own.
  rule(
    (node) => /mso-list\s*:\s*ignore/.test(styleOf(node)),
    () => '',
  );
  rule(wordListItem, (content, node) => {
    const marker = /mso-list\s*:\s*ignore/;
    const find = (n: El): El | undefined =>
      marker.test(n.nodeType === 1 ? styleOf(n) : '')
        ? n
        : Array.from(n.childNodes).map(find).find(Boolean);
    const number = /^\s*(\d+)[.)]/.exec(find(node)?.textContent ?? '')?.[1];
    return `\n${number ? `${number}. ` : '- '}${content.trim()}\n`;
  });
  rule(
    (node) => tagOf(node) === 'LI',
    (content, node) => {
      const parent = node.parentNode!;
      const siblings = Array.from(parent.childNodes).filter((c) => tagOf(c) === 'LI');
      const start = Number(parent.getAttribute('start')) || 1;
      const prefix = tagOf(parent) === 'OL' ? `${start + siblings.indexOf(node)}. ` : '- ';
      const text = content.trim().replace(/\n+/g, `\n${' '.repeat(prefix.length)}`);
      return `${prefix}${text}\n`;
    },
  );
  // Tables become text: a row per paragraph, its cells separated by dashes.
  rule(
    (node) => tagOf(node) === 'TD' || tagOf(node) === 'TH',
    (content, node) => {
      const next =
        node.nextSibling && (tagOf(node.nextSibling) === 'TD' || tagOf(node.nextSibling) === 'TH');
      return content.trim().replace(/\n+/g, ' ') + (next && content.trim() ? ' – ' : '');
    },
  );
  rule(
    (node) => tagOf(node) === 'TR',
    (content) => `\n\n${content.trim().replace(/ – $/, '')}\n\n`,
  );
  // Quotes, code and preformatted text keep their words as plain paragraphs.
  rule(
    (node) => ['BLOCKQUOTE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT'].includes(tagOf(node)),
    (content) => `\n\n${content}\n\n`,
  );
  rule(
    (node) => tagOf(node) === 'PRE',
    (_content, node) =>
      `\n\n${(node.textContent ?? '')
        .split('\n')
        .map((line) => service.escape(line.trim()))
        .filter(Boolean)
        .join('\n\n')}\n\n`,
  );
  rule(
    (node) => tagOf(node) === 'CODE' && !insideBlock(node, ['PRE']),
    (_content, node) => service.escape(node.textContent ?? ''),
  );
  // Word's review comments and their anchors.
  rule(
    (node) =>
      /mso-element\s*:\s*comment|mso-special-character\s*:\s*comment/.test(styleOf(node)) ||
      /\bMsoComment/.test(classOf(node)),
    () => '',
  );
  rule(
    (node) => DROPPED.includes(node.nodeName.toLowerCase()),
    () => '',
  );
  return service;
}

let shared: TurndownService | undefined;

/** Keeps what a clipboard's HTML holds between Windows' fragment markers, if it has them. */
function fragmentOf(html: string): string {
  const start = html.indexOf('<!--StartFragment-->');
  const end = html.indexOf('<!--EndFragment-->');
  return start >= 0 && end > start ? html.slice(start + '<!--StartFragment-->'.length, end) : html;
}

/** Tidies converted Markdown: trimmed lines, one blank line between blocks. */
export function tidyMarkdown(markdown: string): string {
  return (
    markdown
      // Our own delimiters only: a pasted * is escaped (\*).
      .replace(/(?<!\\)\*\*\*\*/g, '')
      .replace(/(?<!\\)\*\* \*\*/g, ' ')
      .split('\n')
      .map((line) => {
        const trimmed = line.replace(/^[ \t\u00A0]+/, '').replace(/[ \t\u00A0]+$/, '');
        // Only a nested list item keeps its indent (elsewhere four spaces would make code).
        return /^(-|\d+\.) /.test(trimmed) && /^ +\S/.test(line) ? line.trimEnd() : trimmed;
      })
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/**
 * Turns HTML from the clipboard into the article body's Markdown, keeping only what we allow;
 * '' when it holds no text (the caller then takes the clipboard's plain text).
 */
export function pastedHtmlToMarkdown(html: string): string {
  shared ??= createPasteService();
  try {
    return tidyMarkdown(shared.turndown(fragmentOf(html)));
  } catch {
    // A document the parser cannot give a body to (a <frameset>) makes turndown throw.
    return '';
  }
}
