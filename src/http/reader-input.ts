import { z } from 'zod';
import { dbId } from './schemas.ts';

// Reader routes read their input leniently where readers (and the links they share) are
// concerned: unknown query keys are dropped, a malformed page number is page 1. What names a
// record in the path is strict, so that a malformed one is a 404 before any query is made.

/** A section or article slug, as the newsroom forms allow them: `la-une`, `budget-2027`. */
export const slugParam = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** Free text in a path (a tag): no control character, which no stored value holds. */
export const pathText = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u);

/** An author page's key: the member's id, then any name part (a wrong one moves to the right one). */
export const authorKeyParam = z
  .string()
  .max(200)
  .regex(/^\d{1,9}(?:-[^\p{Cc}]*)?$/u);

/** A query's page number (1 … max): anything else, repeated or absent, is the first page. */
export const pageNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    // Absent is the usual case: it skips the checks (a caught failure costs an error object).
    .optional()
    .catch(undefined)
    .transform((page) => page ?? 1);

/** An optional record id in a query; a malformed one is no id at all. */
export const optionalQueryId = dbId.optional().catch(undefined);
