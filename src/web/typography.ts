const NBSP = '\u00A0';
const NNBSP = '\u202F';

/**
 * Applies French typographic spacing to plain text: a non-breaking space before « : »,
 * a narrow one before « ; ! ? », non-breaking spaces inside « », and curly apostrophes.
 */
export function frenchSpacing(text: string): string {
  return (
    text
      // A typewriter apostrophe between letters is a typographic one in French.
      .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
      // Only an existing space becomes non-breaking, so URLs and times ("14:05") stay intact.
      .replace(/[ \u00A0\u202F]+([;!?])/g, `${NNBSP}$1`)
      .replace(/[ \u00A0\u202F]+:/g, `${NBSP}:`)
      .replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`)
      .replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`)
  );
}

/** Applies the typography rules of a locale to plain text. */
export function typeset(text: string, locale: string): string {
  return locale === 'fr' ? frenchSpacing(text) : text;
}
