import { pagedPath } from '../web/paging.ts';

/** A correction as pages show it. */
export interface CorrectionView {
  id: number;
  text: string;
  publishedAt: string;
}

/** The page-cache key of the public corrections page (see articles/article-keys.ts). */
export const CORRECTIONS_KEY = 'corrections';

/** The address of the public corrections page, optionally at a page number. */
export function correctionsPath(page = 1): string {
  return pagedPath('/corrections', page);
}

/** The longest correction the newsroom may write. */
export const CORRECTION_MAX = 2000;

export type CorrectionError = 'empty' | 'tooLong' | 'notPublished' | 'busy';

/** Checks a correction's text as typed; null when it can be stored (trimmed). */
export function validateCorrection(text: string): CorrectionError | null {
  const trimmed = text.trim();
  if (!trimmed) return 'empty';
  if (trimmed.length > CORRECTION_MAX) return 'tooLong';
  return null;
}
