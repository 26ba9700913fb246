const NBSP = '\u00A0';
const NNBSP = '\u202F';

/**
 * Applies French typographic spacing to plain text: a non-breaking space before « : », a
 * narrow one before « ; ! ? » and « % » after a number, non-breaking spaces inside « », and
 * curly apostrophes.
 */
export function frenchSpacing(text: string): string {
  let out = text;
  // A typewriter apostrophe between letters is a typographic one in French.
  if (out.includes("'")) out = out.replace(/(\p{L})'(?=\p{L})/gu, '$1’');
  // Only an existing space becomes non-breaking, so URLs and times ("14:05") stay intact.
  if (/[;!?]/.test(out)) out = out.replace(/[ \u00A0\u202F]+([;!?])/g, `${NNBSP}$1`);
  if (out.includes(':')) out = out.replace(/[ \u00A0\u202F]+:/g, `${NBSP}:`);
  if (out.includes('%')) out = out.replace(/(\d)[ \u00A0\u202F]+%/g, `$1${NNBSP}%`);
  if (out.includes('«')) out = out.replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`);
  if (out.includes('»')) out = out.replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`);
  return out;
}

/** Applies the typography rules of a locale to plain text. */
export function typeset(text: string, locale: string): string {
  return locale === 'fr' ? frenchSpacing(text) : text;
}

// A text needs French spacing only if it holds one of the characters the rules touch.
const TOUCHED = /['!?;:%«»]|&#39;/;

/** French spacing on escaped HTML text: the same rules, with the escaped apostrophe too. */
function frenchSpacingEscaped(text: string): string {
  if (!TOUCHED.test(text)) return text;
  return frenchSpacing(
    text.includes('&#39;') ? text.replace(/(\p{L})&#39;(?=\p{L})/gu, '$1’') : text,
  );
}

// Where a rule may apply: the walk jumps from one to the next, so most of a page (the tags and
// text without them) is never looked at, and only what changes is copied.
const TOUCHED_ANYWHERE = /['!?;:%«»]/g;
// An element whose text is code, or what someone is typing, and must reach them byte for byte.
const VERBATIM = /<(script|style|textarea|pre|code)[\s>]/gi;
// Attributes a reader sees or hears (never `value`, which holds what someone typed).
const SPOKEN_ATTRIBUTE = /(\s(?:alt|title|aria-label|content)=")([^"]*)"/g;
const HAS_SPOKEN_ATTRIBUTE = /\s(?:alt|title|aria-label|content)="/;

/**
 * Applies French typography to a rendered HTML document or fragment: every text node and the
 * attributes readers see or hear (`alt`, `title`, `aria-label`, meta `content`), but not
 * scripts, styles, code, form values or textareas. Works on markup whose attribute values have
 * `<` and `>` escaped, as our renderer and sanitizer write it. It runs on every page render, so
 * it visits only the text nodes and tags that hold a character a rule touches.
 */
export function frenchSpacingHtml(html: string): string {
  const verbatim = verbatimRanges(html);
  let out = '';
  let copied = 0;
  let v = 0;
  TOUCHED_ANYWHERE.lastIndex = 0;
  for (let m = TOUCHED_ANYWHERE.exec(html); m; m = TOUCHED_ANYWHERE.exec(html)) {
    const at = m.index;
    while (v < verbatim.length && verbatim[v + 1]! <= at) v += 2;
    if (v < verbatim.length && verbatim[v]! <= at) {
      TOUCHED_ANYWHERE.lastIndex = verbatim[v + 1]!;
      continue;
    }
    const open = html.lastIndexOf('<', at);
    const close = html.lastIndexOf('>', at);
    let start: number;
    let end: number;
    let before: string;
    let done: string;
    if (open > close) {
      // Inside a tag: its spoken attributes (a comment or doctype has none).
      start = open;
      end = html.indexOf('>', at);
      end = end < 0 ? html.length : end + 1;
      before = html.slice(start, end);
      done =
        HAS_SPOKEN_ATTRIBUTE.test(before) && !before.startsWith('<!')
          ? before.replace(
              SPOKEN_ATTRIBUTE,
              (_, name: string, value: string) => `${name}${frenchSpacingEscaped(value)}"`,
            )
          : before;
    } else {
      // In a text node.
      start = close + 1;
      end = html.indexOf('<', at);
      if (end < 0) end = html.length;
      before = html.slice(start, end);
      done = frenchSpacingEscaped(before);
    }
    if (done !== before) {
      out += html.slice(copied, start) + done;
      copied = end;
    }
    TOUCHED_ANYWHERE.lastIndex = end;
  }
  return copied === 0 ? html : out + html.slice(copied);
}

/**
 * The verbatim elements of some markup, each from its opening tag to the start of its closing
 * one, as a flat list of [start, end) offsets in order.
 */
function verbatimRanges(html: string): number[] {
  const ranges: number[] = [];
  VERBATIM.lastIndex = 0;
  for (let m = VERBATIM.exec(html); m; m = VERBATIM.exec(html)) {
    const end = html.indexOf('>', m.index);
    if (end < 0) break;
    // A self-closed one (`<code/>`) holds nothing.
    if (html[end - 1] === '/') continue;
    const closing = new RegExp(`</${m[1]!}`, 'gi');
    closing.lastIndex = end;
    const until = closing.exec(html)?.index ?? html.length;
    ranges.push(m.index, until);
    VERBATIM.lastIndex = until;
  }
  return ranges;
}
