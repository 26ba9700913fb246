import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Asset } from '../web/assets.ts';
import { pickEncoding } from './page.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** A static file with its brotli and gzip forms, each kept only when smaller than the file. */
export interface EncodedAsset extends Asset {
  br?: Buffer;
  gzip?: Buffer;
}

// Their URLs never change meaning, so browsers and CDNs keep them a year without asking again.
const IMMUTABLE = 'public, max-age=31536000, immutable';

function isText(type: string): boolean {
  return type.startsWith('text/') || type.startsWith('image/svg+xml');
}

/**
 * Compresses a text file (CSS, script, SVG) with brotli at its best quality and gzip, once per
 * start and off the main thread; a file that is not text, or gains nothing, is served as is.
 */
export async function encodeAsset(asset: Asset): Promise<EncodedAsset> {
  if (!isText(asset.type)) return asset;
  const [br, gzipped] = await Promise.all([
    brotli(asset.body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length,
      },
    }),
    gz(asset.body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  return {
    ...asset,
    ...(br.length < asset.body.length ? { br } : {}),
    ...(gzipped.length < asset.body.length ? { gzip: gzipped } : {}),
  };
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => ['*', etag, `W/${etag}`].includes(tag.trim()));
}

/**
 * Answers a request for a static file with the form its Accept-Encoding prefers (brotli first),
 * or the file as is; each form has its own ETag, so a revalidation gets a 304.
 */
export function sendAsset(
  request: FastifyRequest,
  reply: FastifyReply,
  asset: EncodedAsset,
): FastifyReply {
  const encoding = pickEncoding(request.headers['accept-encoding']);
  const body = encoding ? asset[encoding] : undefined;
  const etag = `"${asset.hash}${body ? `-${encoding}` : ''}"`;
  reply.header('cache-control', IMMUTABLE).header('etag', etag);
  if (asset.br || asset.gzip) reply.header('vary', 'Accept-Encoding');
  if (matches(request.headers['if-none-match'], etag)) return reply.status(304).send();
  reply.header('content-type', asset.type);
  if (body) reply.header('content-encoding', encoding);
  return reply.send(body ?? asset.body);
}
