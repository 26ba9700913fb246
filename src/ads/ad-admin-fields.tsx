/**
 * Field helpers shared by the ads admin's forms: each error belongs to one field, whose input is
 * marked invalid and described by the error's text (and by its hint, when it has one).
 */
export function fieldKit<E extends string>(
  errors: E[],
  { fieldOf, textOf }: { fieldOf: (e: E) => string; textOf: (e: E) => string },
) {
  const on = (field: string) => errors.filter((e) => fieldOf(e) === field);
  return {
    /** aria-invalid and aria-describedby for a field's input. */
    attrs(field: string, hintId?: string) {
      const wrong = on(field).length > 0;
      const described = [wrong ? `erreur-${field}` : '', hintId ?? ''].filter(Boolean).join(' ');
      return {
        'aria-invalid': wrong ? 'true' : undefined,
        'aria-describedby': described || undefined,
      };
    },
    /** The field's error text, or nothing. */
    error(field: string) {
      const mine = on(field);
      return mine.length ? (
        <p class="field-error" id={`erreur-${field}`}>
          {mine.map(textOf).join(' ')}
        </p>
      ) : null;
    },
    invalid: (field: string) => on(field).length > 0,
  };
}

/** The flash message a redirect asked for, when it names one. */
export function Flash({
  done,
  flash,
}: {
  done: Record<string, string>;
  flash: string | undefined;
}) {
  return flash && done[flash] ? (
    <p class="notice" role="status">
      {done[flash]}
    </p>
  ) : null;
}
