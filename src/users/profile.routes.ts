import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { clip, flagQuery, formBody } from '../http/schemas.ts';
import { ProfilePage } from './profile.pages.tsx';
import { updateUserByline } from './user.queries.ts';

const profileForm = formBody('byline');

/** A member's own profile: the byline their new articles are pre-signed with. */
export const profileRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const config = { policy: 'write-articles' } as const;

  app.get(
    '/admin/profil',
    { config, schema: { querystring: z.object({ fait: flagQuery }) } },
    async (request, reply) =>
      sendPrivatePage(
        reply,
        ProfilePage({
          ctx: await pageContext(deps, request),
          csrfToken: reply.generateCsrf(),
          byline: request.user!.byline,
          tooLong: false,
          saved: request.query.fait === 'ok',
        }),
      ),
  );

  app.post(
    '/admin/profil',
    { config, preValidation: app.csrfProtection, schema: { body: profileForm } },
    async (request, reply) => {
      const byline = clip(request.body.byline, 300);
      if (byline.length > 100) {
        const page = ProfilePage({
          ctx: await pageContext(deps, request),
          csrfToken: reply.generateCsrf(),
          byline,
          tooLong: true,
          saved: false,
        });
        return sendPrivatePage(reply, page, 422);
      }
      await updateUserByline(deps.db, request.user!.id, byline);
      return reply.redirect('/admin/profil?fait=ok', 303);
    },
  );
};
