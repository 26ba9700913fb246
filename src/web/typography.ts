const NBSP = '\u00A0';
const NNBSP = '\u202F';

/**
 * Applies French typographic spacing to plain text: a non-breaking space before « : », a
 * narrow one before « ; ! ? » and « % » after a number, non-breaking spaces inside « », and
 * curly apostrophes.
 */
export function frenchSpacing(text: string): string {
  return (
    text
      // A typewriter apostrophe between letters is a typographic one in French.
      .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
      // Only an existing space becomes non-breaking, so URLs and times ("14:05") stay intact.
      .replace(/[ \u00A0\u202F]+([;!?])/g, `${NNBSP}$1`)
      .replace(/[ \u00A0\u202F]+:/g, `${NBSP}:`)
      .replace(/(\d)[ \u00A0\u202F]+%/g, `$1${NNBSP}%`)
      .replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`)
      .replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`)
  );
}

/** Applies the typography rules of a locale to plain text. */
export function typeset(text: string, locale: string): string {
  return locale === 'fr' ? frenchSpacing(text) : text;
}

/** French spacing on escaped HTML text: the same rules, with the escaped apostrophe too. */
function frenchSpacingEscaped(text: string): string {
  return frenchSpacing(text.replace(/(\p{L})&#39;(?=\p{L})/gu, '$1’'));
}

// Elements whose text is code, or what someone is typing, and must reach them byte for byte.
const VERBATIM = /^<(script|style|textarea|pre|code)[\s>]/i;
// Attributes a reader sees or hears (never `value`, which holds what someone typed).
const SPOKEN_ATTRIBUTE = /(\s(?:alt|title|aria-label|content)=")([^"]*)"/g;

/**
 * Applies French typography to a rendered HTML document or fragment: every text node and the
 * attributes readers see or hear (`alt`, `title`, `aria-label`, meta `content`), but not
 * scripts, styles, code, form values or textareas. Works on markup whose attribute values have
 * `<` and `>` escaped, as our renderer and sanitizer write it.
 */
export function frenchSpacingHtml(html: string): string {
  const parts = html.split(/(<[^>]*>)/);
  let verbatimUntil: string | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) {
      if (verbatimUntil) {
        if (part.toLowerCase().startsWith(verbatimUntil)) verbatimUntil = null;
        continue;
      }
      const verbatim = VERBATIM.exec(part);
      if (verbatim && !part.endsWith('/>')) verbatimUntil = `</${verbatim[1]!.toLowerCase()}`;
      else if (part.includes('="') && !part.startsWith('<!'))
        parts[i] = part.replace(
          SPOKEN_ATTRIBUTE,
          (_, name: string, value: string) => `${name}${frenchSpacingEscaped(value)}"`,
        );
    } else if (!verbatimUntil && part) parts[i] = frenchSpacingEscaped(part);
  }
  return parts.join('');
}
