import type { Strings } from '../web/strings.ts';

export type AppErrorCode = 'not_found' | 'forbidden' | 'csrf' | 'too_many' | 'bad_request';

const statusOf: Record<AppErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  csrf: 403,
  too_many: 429,
  bad_request: 400,
};

/** An expected failure with a status code and a reader-facing message from the catalogue. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: AppErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.statusCode = statusOf[code];
  }
}

export const notFound = (): AppError => new AppError('not_found');
export const forbidden = (): AppError => new AppError('forbidden');
export const badRequest = (): AppError => new AppError('bad_request');

/** The title and text shown to a person for an error code, in their language. */
export function errorMessage(
  t: Strings,
  code: AppErrorCode | 'server',
): { title: string; text: string } {
  switch (code) {
    case 'not_found':
      return { title: t.notFoundTitle, text: t.notFoundText };
    case 'forbidden':
      return { title: t.forbiddenTitle, text: t.forbiddenText };
    case 'csrf':
      return { title: t.csrfTitle, text: t.csrfText };
    case 'too_many':
      return { title: t.tooManyTitle, text: t.tooManyText };
    case 'bad_request':
      return { title: t.badRequestTitle, text: t.badRequestText };
    case 'server':
      return { title: t.serverErrorTitle, text: t.serverErrorText };
  }
}

/** Maps any thrown value (ours, Fastify's or a plugin's) onto the catalogue. */
export function classifyError(error: unknown): { status: number; code: AppErrorCode | 'server' } {
  if (error instanceof AppError) return { status: error.statusCode, code: error.code };
  const e = error as { statusCode?: number; code?: string; validationContext?: string };
  if (e.code?.startsWith('FST_CSRF')) return { status: 403, code: 'csrf' };
  // A path whose id does not fit its route names nothing that exists.
  if (e.validationContext === 'params') return { status: 404, code: 'not_found' };
  if (e.statusCode === 404) return { status: 404, code: 'not_found' };
  if (e.statusCode === 429) return { status: 429, code: 'too_many' };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return { status: e.statusCode, code: 'bad_request' };
  return { status: 500, code: 'server' };
}
