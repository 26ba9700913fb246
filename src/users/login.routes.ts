import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clearSessionCookie,
  requireUser,
  resolveUser,
  safeNextPath,
  setSessionCookie,
} from '../http/auth.ts';
import type { RouteDeps } from '../http/deps.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { optionalText } from '../http/schemas.ts';
import { LoginPage } from './login.pages.tsx';
import { logIn } from './log-in.ts';
import { clientKey } from './session.ts';
import { deleteSession } from './user.queries.ts';

// One string per field: a repeated or oversized field is not a login, and gets the 400 page.
const nextPath = z.string().max(2000).optional();
const loginQuery = z.object({ next: nextPath, out: optionalText });
// A post without a body (Fastify gives null) is an empty form: it meets the CSRF check.
const formBody = <T extends z.ZodRawShape>(shape: T) =>
  z.preprocess((body) => body ?? {}, z.object(shape));
const loginBody = formBody({
  _csrf: optionalText,
  email: z.string().max(320).trim().default(''),
  password: z.string().max(1000).default(''),
  next: nextPath,
});
const logoutBody = formBody({ _csrf: optionalText });

/** Newsroom sign-in and sign-out. */
export const loginRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.addHook('onRequest', resolveUser(deps));

  app.get('/login', { schema: { querystring: loginQuery } }, async (request, reply) => {
    const next = safeNextPath(request.query.next, deps.config.publicUrl);
    if (request.user) return reply.redirect(next, 303);
    const ctx = await pageContext(deps, request);
    const notice = request.query.out ? ctx.t.loggedOut : undefined;
    return sendPrivatePage(
      reply,
      LoginPage({ ctx, csrfToken: reply.generateCsrf(), next, notice }),
    );
  });

  app.post(
    '/login',
    { schema: { body: loginBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const form = request.body;
      const next = safeNextPath(form.next, deps.config.publicUrl);
      const ctx = await pageContext(deps, request);
      const again = (status: number, error: string) =>
        sendPrivatePage(
          reply,
          LoginPage({ ctx, csrfToken: reply.generateCsrf(), next, email: form.email, error }),
          status,
        );

      if (!form.email || !form.password) return again(400, ctx.t.loginMissing);
      const result = await logIn(deps.db, {
        email: form.email,
        password: form.password,
        client: clientKey(deps.config.sessionSecret, request.ip),
        now: deps.clock.now(),
      });
      if (!result.ok) {
        if (result.reason === 'invalid') return again(401, ctx.t.loginInvalid);
        reply.header('retry-after', String(result.retryAfterSeconds));
        return again(429, ctx.t.loginLocked(result.retryAfterSeconds));
      }
      setSessionCookie(deps, request, reply, result);
      return reply.redirect(next, 303);
    },
  );

  app.post(
    '/logout',
    { schema: { body: logoutBody }, onRequest: requireUser, preHandler: app.csrfProtection },
    async (request, reply) => {
      if (request.user) await deleteSession(deps.db, request.user.sessionId);
      clearSessionCookie(reply);
      return reply.redirect('/login?out=1', 303);
    },
  );
};
