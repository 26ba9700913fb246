const NBSP = '\u00A0';
const NNBSP = '\u202F';

/**
 * Applies French typographic spacing to plain text: a non-breaking space before « : »,
 * a narrow one before « ; ! ? », and non-breaking spaces inside « ».
 */
export function frenchSpacing(text: string): string {
  return (
    text
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
