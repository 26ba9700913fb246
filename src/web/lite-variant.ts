import type { PageVariant } from '../http/page-pipeline.ts';
import {
  isLitePath,
  keepLinksLite,
  LITE_PREFIX,
  readerEdition,
  variesOnSaveData,
} from '../http/edition.ts';

/**
 * The light edition as a variant of every cached reader page: under `/lite`, or at the normal
 * address for Save-Data browsers when the setting says so (see http/edition.ts).
 */
export const liteEdition: PageVariant = {
  name: 'lite',
  applies: (request, snapshot) => readerEdition(request, snapshot.settings) === 'lite',
  inAddress: isLitePath,
  varyOn: (request, snapshot) =>
    variesOnSaveData(request, snapshot.settings) ? 'Save-Data' : undefined,
  context: (ctx) => ({ ...ctx, lite: true }),
  markup: keepLinksLite,
  movedTo: (path, request) => (isLitePath(request) ? `${LITE_PREFIX}${path}` : path),
};
