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

// Elements whose text is code, or what someone is typing, and must reach them byte for byte.
const VERBATIM = /^<(script|style|textarea|pre|code)[\s>]/i;
// Attributes a reader sees or hears (never `value`, which holds what someone typed).
const SPOKEN_ATTRIBUTE = /(\s(?:alt|title|aria-label|content)=")([^"]*)"/g;
const HAS_SPOKEN_ATTRIBUTE = /\s(?:alt|title|aria-label|content)="/;
const TAG = /<[^>]*>/g;

/**
 * Applies French typography to a rendered HTML document or fragment: every text node and the
 * attributes readers see or hear (`alt`, `title`, `aria-label`, meta `content`), but not
 * scripts, styles, code, form values or textareas. Works on markup whose attribute values have
 * `<` and `>` escaped, as our renderer and sanitizer write it. It runs on every page render, so
 * it walks the tags with one expression and copies only what changes.
 */
export function frenchSpacingHtml(html: string): string {
  const out: string[] = [];
  let verbatimUntil: string | null = null;
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const tag = match[0];
    const start = match.index;
    if (start > last && !verbatimUntil) out.push(frenchSpacingEscaped(html.slice(last, start)));
    else if (start > last) out.push(html.slice(last, start));
    last = start + tag.length;
    if (verbatimUntil) {
      if (tag.toLowerCase().startsWith(verbatimUntil)) verbatimUntil = null;
      out.push(tag);
      continue;
    }
    const verbatim = VERBATIM.exec(tag);
    if (verbatim && !tag.endsWith('/>')) verbatimUntil = `</${verbatim[1]!.toLowerCase()}`;
    else if (HAS_SPOKEN_ATTRIBUTE.test(tag) && !tag.startsWith('<!')) {
      out.push(
        tag.replace(
          SPOKEN_ATTRIBUTE,
          (_, name: string, value: string) => `${name}${frenchSpacingEscaped(value)}"`,
        ),
      );
      continue;
    }
    out.push(tag);
  }
  if (last < html.length)
    out.push(verbatimUntil ? html.slice(last) : frenchSpacingEscaped(html.slice(last)));
  return out.join('');
}
