import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setSessionCookie } from '../http/auth.ts';
import type { RouteDeps } from '../http/deps.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { AccountLinkPage, DeadLinkPage } from './account-link.pages.tsx';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, useAccountLink } from './manage-users.ts';
import { sessionIdFromToken } from './session.ts';
import { findAccountLink } from './user.queries.ts';
import type { PasswordFormError } from './user-admin.strings.ts';

// A malformed token is a link that leads nowhere: the dead-link page, as for an expired one.
const tokenParams = z.object({
  token: z
    .string()
    .regex(/^[\w-]{20,100}$/)
    .optional()
    .catch(undefined),
});

// A missing body or field, or a repeated one, is empty; a body that is no form at all is a 400.
const passwordForm = z.preprocess(
  (body) => body ?? {},
  z.object({
    // Kept in the validated body, where the CSRF check (a preHandler, after validation) reads it.
    _csrf: z.string().optional().catch(undefined),
    password: z.string().max(10_000).catch(''),
    confirm: z.string().max(10_000).catch(''),
  }),
);

function checkPassword({ password, confirm }: z.infer<typeof passwordForm>): PasswordFormError[] {
  // Counted in characters as people see them, not UTF-16 units.
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) return ['password-too-short'];
  if (length > PASSWORD_MAX_LENGTH) return ['password-too-long'];
  return password === confirm ? [] : ['password-mismatch'];
}

/**
 * The page an invitation or password-reset link opens. Outside the newsroom context: whoever
 * holds the link is not signed in yet. The token never leaves the page through a Referer.
 */
export const accountLinkRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const dead = async (request: FastifyRequest, reply: FastifyReply) =>
    sendPrivatePage(reply, DeadLinkPage({ ctx: await pageContext(deps, request) }), 410);

  const linkOf = async (token: string | undefined) => {
    if (token === undefined) return undefined;
    const link = await findAccountLink(deps.db, sessionIdFromToken(token), deps.clock.now());
    return link && { ...link, action: `/compte/${token}` };
  };

  const passwordPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    link: NonNullable<Awaited<ReturnType<typeof linkOf>>>,
    errors: PasswordFormError[],
  ) =>
    sendPrivatePage(
      reply,
      AccountLinkPage({
        ctx: await pageContext(deps, request),
        csrfToken: reply.generateCsrf(),
        action: link.action,
        purpose: link.purpose,
        name: link.name,
        email: link.email,
        errors,
      }),
      errors.length ? 422 : 200,
    );

  app.addHook('onSend', async (_request, reply) => {
    reply.header('referrer-policy', 'no-referrer');
  });

  app.get('/compte/:token', { schema: { params: tokenParams } }, async (request, reply) => {
    const link = await linkOf(request.params.token);
    if (!link) return dead(request, reply);
    return passwordPage(request, reply, link, []);
  });

  const postSchema = { params: tokenParams, body: passwordForm };
  app.post(
    '/compte/:token',
    { schema: postSchema, preHandler: app.csrfProtection },
    async (request, reply) => {
      const link = await linkOf(request.params.token);
      if (!link) return dead(request, reply);
      const form = request.body;
      const errors = checkPassword(form);
      if (errors.length) return passwordPage(request, reply, link, errors);
      const result = await useAccountLink(deps.db, {
        tokenHash: link.token_hash,
        password: form.password,
        now: deps.clock.now(),
      });
      if (!result.ok) return dead(request, reply);
      setSessionCookie(deps, request, reply, result);
      return reply.redirect('/admin', 303);
    },
  );
};
