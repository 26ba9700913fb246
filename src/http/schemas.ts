import { z } from 'zod';

/** A database id as it appears in a path or a form: digits only, 1 … 2³¹−1. */
export const dbId = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(2147483647));

/** The row a text names (a form's hidden id, a picked image): its id, or undefined if none. */
export function idFromText(text: string | undefined): number | undefined {
  const parsed = dbId.safeParse(text);
  return parsed.success ? parsed.data : undefined;
}

/** A filter in the query naming a row (`?article=12`): an id, or nothing when it is not one. */
export const optionalDbId = dbId.optional().catch(undefined);

/** Ids listed in the query (`?deja=3,7`): at most 50, each an id, or nothing when one is not. */
export const idListQuery = z
  .string()
  .transform((text) => text.split(','))
  .pipe(z.array(dbId).max(50))
  .optional()
  .catch(undefined);

/** Route params of the form `/:id`. */
export const idParams = z.object({ id: dbId });

/** An optional single form or query field; a repeated field (an array) does not fit. */
export const optionalText = z.string().optional();

/** A form field naming a row (a select, a hidden input): an id, or empty for « none ». */
export const formId = z.union([z.literal(''), dbId]).optional();

/** A form field that may be sent several times (ticked boxes sharing a name). */
export const formList = z.union([z.string(), z.array(z.string())]).optional();

/** The values of a field sent once, several times or not at all, as a list. */
export function listOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : ([] as string[]).concat(value);
}

/** A form's fields as typed: each an optional single string; nothing else is kept. */
export function formBody<const K extends string>(...names: K[]) {
  return z.object(
    Object.fromEntries(names.map((n) => [n, optionalText])) as Record<K, typeof optionalText>,
  );
}

/** A redirect's flag in the query (`?fait=…`): any short text, or nothing; never a 400. */
export const flagQuery = z.string().max(40).optional().catch(undefined);

/** A form field as typed, trimmed, bounded (so a huge post is never echoed back whole), NUL-free. */
export function clip(value: string | undefined, max: number): string {
  // A NUL byte means nothing in a form and PostgreSQL cannot store it in text.
  return (value ?? '').replaceAll('\u0000', '').trim().slice(0, max);
}
