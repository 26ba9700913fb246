import type { FastifyReply } from 'fastify';
import type { DbOrTrx } from '../db/database.ts';
import { findRedirectTarget } from './redirect.queries.ts';
import { REDIRECT_CACHE_CONTROL, legacyQueryPath, normalizeLegacyPath } from './redirect.ts';

/** Where an address none of our routes answered moved (a WordPress post's, say), if known. */
export async function legacyPathTarget(db: DbOrTrx, url: string): Promise<string | undefined> {
  const path = normalizeLegacyPath(url.split('?')[0] ?? '');
  return path && path !== '/' ? findRedirectTarget(db, path) : undefined;
}

/** Where a home-page address with a WordPress query (`/?p=12`) moved, if known. */
export async function legacyQueryTarget(
  db: DbOrTrx,
  query: Record<string, unknown>,
): Promise<string | undefined> {
  const path = legacyQueryPath(query);
  return path ? findRedirectTarget(db, path) : undefined;
}

/** Answers with a permanent redirect that browsers and caches in front may keep for a day. */
export function sendLegacyRedirect(reply: FastifyReply, target: string): FastifyReply {
  return reply
    .code(301)
    .header('location', target)
    .header('cache-control', REDIRECT_CACHE_CONTROL)
    .header('content-type', 'text/plain; charset=utf-8')
    .send(`Moved: ${target}\n`);
}
