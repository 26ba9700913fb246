import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../http/deps.ts';
import { secureCookies } from '../http/auth.ts';
import { pageContext, type SlotValues } from '../http/page.ts';
import { renderFragment } from '../web/render.ts';
import { COMMENT_LINK_TTL_MS, signCommentToken, verifyCommentToken } from './comment-token.ts';
import { MineBlock, SLOT_MINE } from './comment.pages.tsx';
import { listPendingByIds } from './comment.queries.ts';

export const MINE_COOKIE = 'griot_mine';
const MAX_REMEMBERED = 10;

/** The comment ids a reader's cookie vouches for, with their tokens. */
export function rememberedComments(deps: RouteDeps, request: FastifyRequest): Map<number, string> {
  const remembered = new Map<number, string>();
  const raw = request.cookies[MINE_COOKIE];
  if (!raw) return remembered;
  for (const token of raw.split('~').slice(0, MAX_REMEMBERED)) {
    const id = verifyCommentToken(deps.config.sessionSecret, token, deps.clock.now());
    if (id !== null) remembered.set(id, token);
  }
  return remembered;
}

/** Adds a new comment to the reader's cookie and returns the token of its private link. */
export function rememberComment(
  deps: RouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  commentId: number,
): string {
  const now = deps.clock.now();
  const token = signCommentToken(
    deps.config.sessionSecret,
    commentId,
    new Date(now.getTime() + COMMENT_LINK_TTL_MS),
  );
  const kept = [...rememberedComments(deps, request).values()].slice(0, MAX_REMEMBERED - 1);
  reply.setCookie(MINE_COOKIE, [token, ...kept].join('~'), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(deps, request),
    maxAge: COMMENT_LINK_TTL_MS / 1000,
  });
  return token;
}

/** The private link to a comment's state page. */
export function privateCommentPath(commentId: number, token: string): string {
  return `/commentaires/${commentId}?jeton=${encodeURIComponent(token)}`;
}

/**
 * Fills an article page's comment slots for this request: for a reader who has comments awaiting
 * moderation here (or just sent one), their own block. Nothing for everyone else, so the shared
 * page stays the same bytes from one request to the next (the form's stamp is fetched by its
 * script, see comment.routes.ts). Synchronous for readers without such a cookie, nearly everyone.
 */
export function commentSlots(
  deps: RouteDeps,
  request: FastifyRequest,
  articleId: number | undefined,
): SlotValues | Promise<SlotValues> {
  if (articleId === undefined || !request.cookies[MINE_COOKIE]) return NOTHING;
  return personalSlots(deps, request, articleId);
}

const NOTHING: SlotValues = { shared: {}, personal: null };

async function personalSlots(
  deps: RouteDeps,
  request: FastifyRequest,
  articleId: number,
): Promise<SlotValues> {
  const remembered = rememberedComments(deps, request);
  if (remembered.size === 0) return NOTHING;
  const pending = await listPendingByIds(deps.db, { ids: [...remembered.keys()], articleId });
  if (pending.length === 0) return NOTHING;
  const ctx = await pageContext(deps, request);
  const block = MineBlock({
    ctx,
    // The thanks follows a submission's redirect, and only its author has a comment to thank for.
    // Read from the address itself: the article route's query schema names only its own fields.
    thanks: new URLSearchParams(request.url.split('?')[1] ?? '').get('commentaire') === 'envoye',
    pending: pending.map((comment) => ({
      comment,
      link: privateCommentPath(comment.id, remembered.get(comment.id)!),
    })),
  });
  return { shared: {}, personal: { [SLOT_MINE]: await renderFragment(block) } };
}
