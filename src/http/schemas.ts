import { z } from 'zod';

/** A database id as it appears in a path or a form: digits only, 1 … 2³¹−1. */
export const dbId = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(2147483647));

/** Route params of the form `/:id`. */
export const idParams = z.object({ id: dbId });

/** An optional single form or query field; a repeated field (an array) does not fit. */
export const optionalText = z.string().optional();
