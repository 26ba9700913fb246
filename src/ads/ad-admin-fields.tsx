import { controlAria, FieldError, fieldErrors } from '../admin/field.tsx';

/**
 * Field helpers shared by the ads admin's forms: each error belongs to one field, whose input is
 * marked invalid and described by the error's text (and by its hint, when it has one). Plain
 * fields are drawn by the newsroom's `Field`; these serve the fieldsets and paired inputs.
 */
export function fieldKit<E extends string>(
  errors: E[],
  { fieldOf, textOf }: { fieldOf: (e: E) => string; textOf: (e: E) => string },
) {
  const field = fieldErrors(errors, textOf, (e, name) => fieldOf(e) === name);
  return {
    /** The field's error and its id, for a `Field`. */
    field,
    /** aria-invalid and aria-describedby for a field's input. */
    attrs: (name: string, hintId?: string) => controlAria({ ...field(name), hintId }),
    /** The field's error text, or nothing. */
    error: (name: string) => <FieldError {...field(name)} />,
    invalid: (name: string) => field(name).error !== undefined,
  };
}
