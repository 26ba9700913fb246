import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { keepLinksLite } from '../http/edition.ts';
import { pageContext, sendCachedPage } from '../http/page.ts';
import { pageNumber } from '../http/reader-input.ts';
import { pageQuery } from '../web/paging.ts';
import { clip, flagQuery, formBody, idParams } from '../http/schemas.ts';
import { clientKey } from '../users/session.ts';
import type { PageContext } from '../web/page-context.ts';
import { renderDocument } from '../web/render.ts';
import { countSentEditions, findEdition, listSentEditions } from './edition.queries.ts';
import {
  ARCHIVE_PATH,
  confirmPath,
  NEWSLETTER_ARCHIVE_KEY,
  NEWSLETTER_PATH,
  normalizeEmail,
  readItems,
  unsubscribePath,
  verifyConfirmToken,
  verifyUnsubscribeToken,
} from './newsletter.ts';
import {
  ArchivePage,
  EditionWebPage,
  SubscribePage,
  TokenPage,
  type SubscribeFormState,
} from './newsletter.pages.tsx';
import { confirmSubscription, requestSubscription, unsubscribe } from './subscribe.ts';

const ARCHIVE_PER_PAGE = 30;

/** A token in a link's path: what signConfirmToken and signUnsubscribeToken write. */
const tokenParams = z.object({
  token: z
    .string()
    .max(120)
    .regex(/^[0-9A-Za-z._-]+$/),
});
/** A mail client's one-click POST (`List-Unsubscribe=One-Click`) or our own button: no field needed. */
const anyForm = z.record(z.string(), z.unknown()).optional();

/**
 * Reader routes of the newsletter: the subscription page and form, the confirmation and
 * unsubscribe links, the archive of sent letters. The form pages are rendered per visit (they
 * carry a CSRF token) and never stored; the archive is cached like other reader pages.
 */
export const newsletterRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const secret = deps.config.sessionSecret;
  // RFC 8058 lets a mail client send its one-click POST as multipart/form-data; its one field
  // (`List-Unsubscribe=One-Click`) says nothing the address does not, so the body is read, bounded,
  // and dropped. Only this plugin's routes accept it.
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, _body, done) => done(null, {}),
  );

  // A form page: never stored anywhere, its links kept inside the light edition when shown there.
  async function sendForm(reply: FastifyReply, ctx: PageContext, node: Child, status = 200) {
    const html = await renderDocument(node);
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .send(ctx.lite ? keepLinksLite(html) : html);
  }

  app.get(
    NEWSLETTER_PATH,
    { schema: { querystring: z.object({ fait: flagQuery }) } },
    async (request, reply) => {
      const ctx = await pageContext(deps, request);
      const form: SubscribeFormState = { email: '', sent: request.query.fait === 'envoye' };
      return sendForm(reply, ctx, SubscribePage({ ctx, csrfToken: reply.generateCsrf(), form }));
    },
  );

  app.post(
    NEWSLETTER_PATH,
    { preValidation: app.csrfProtection, schema: { body: formBody('email', 'website') } },
    async (request, reply) => {
      const typed = clip(request.body.email, 300);
      const email = normalizeEmail(typed);
      const ctx = await pageContext(deps, request);
      const again = (form: SubscribeFormState, status: number) =>
        sendForm(reply, ctx, SubscribePage({ ctx, csrfToken: reply.generateCsrf(), form }), status);
      if (!email) return again({ email: typed, error: 'email-invalid' }, 422);
      // A robot that filled the hidden field gets the usual answer, and nothing is recorded.
      if (!request.body.website) {
        const result = await requestSubscription(deps.db, {
          email,
          client: clientKey(secret, request.ip),
          site: { settings: ctx.site, publicUrl: deps.config.publicUrl },
          secret,
          now: deps.clock.now(),
        });
        if (!result.ok) return again({ email: typed, error: 'flood' }, 429);
      }
      // The same answer for a new, a waiting and a confirmed address.
      return reply.redirect(`${ctx.lite ? '/lite' : ''}${NEWSLETTER_PATH}?fait=envoye`, 303);
    },
  );

  app.get(
    `${NEWSLETTER_PATH}/confirmation/:token`,
    { schema: { params: tokenParams } },
    async (request, reply) => {
      const ctx = await pageContext(deps, request);
      const { token } = request.params;
      const valid = verifyConfirmToken(secret, token, deps.clock.now()) !== null;
      return sendForm(
        reply,
        ctx,
        TokenPage({
          ctx,
          kind: 'confirm',
          state: valid ? 'ask' : 'invalid',
          action: confirmPath(token),
          csrfToken: reply.generateCsrf(),
        }),
        valid ? 200 : 400,
      );
    },
  );

  app.post(
    `${NEWSLETTER_PATH}/confirmation/:token`,
    { preValidation: app.csrfProtection, schema: { params: tokenParams, body: anyForm } },
    async (request, reply) => {
      const ctx = await pageContext(deps, request);
      const now = deps.clock.now();
      const id = verifyConfirmToken(secret, request.params.token, now);
      const done = id !== null && (await confirmSubscription(deps.db, id, now));
      return sendForm(
        reply,
        ctx,
        TokenPage({ ctx, kind: 'confirm', state: done ? 'done' : 'invalid', action: '' }),
        done ? 200 : 400,
      );
    },
  );

  // The letter's link shows a button (link scanners follow GETs); the POST acts at once, with no
  // CSRF token or session: mail clients send it from elsewhere (RFC 8058). The signed token in
  // the address is its protection, and the worst a forged request could do is unsubscribe.
  app.get(
    `${NEWSLETTER_PATH}/desabonnement/:token`,
    { schema: { params: tokenParams } },
    async (request, reply) => {
      const ctx = await pageContext(deps, request);
      const { token } = request.params;
      const valid = verifyUnsubscribeToken(secret, token) !== null;
      return sendForm(
        reply,
        ctx,
        TokenPage({
          ctx,
          kind: 'unsubscribe',
          state: valid ? 'ask' : 'invalid',
          action: unsubscribePath(token),
        }),
        valid ? 200 : 400,
      );
    },
  );

  app.post(
    `${NEWSLETTER_PATH}/desabonnement/:token`,
    { schema: { params: tokenParams, body: anyForm } },
    async (request, reply) => {
      const ctx = await pageContext(deps, request);
      const id = verifyUnsubscribeToken(secret, request.params.token);
      const done = id !== null && (await unsubscribe(deps.db, id, deps.clock.now()));
      return sendForm(
        reply,
        ctx,
        TokenPage({ ctx, kind: 'unsubscribe', state: done ? 'done' : 'invalid', action: '' }),
        done ? 200 : 400,
      );
    },
  );

  app.get(
    ARCHIVE_PATH,
    { schema: { querystring: z.object({ page: pageNumber(100_000) }) } },
    (request, reply) => {
      const { page } = request.query;
      return sendCachedPage(deps, request, reply, {
        key: `${ARCHIVE_PATH}?page=${page}`,
        query: pageQuery(page),
        keys: [NEWSLETTER_ARCHIVE_KEY],
        render: async (ctx) => {
          const total = await countSentEditions(deps.db);
          const pages = Math.max(1, Math.ceil(total / ARCHIVE_PER_PAGE));
          if (page > pages) return null;
          const rows = await listSentEditions(deps.db, {
            limit: ARCHIVE_PER_PAGE,
            offset: (page - 1) * ARCHIVE_PER_PAGE,
          });
          const editions = rows.map((e) => ({
            id: e.id,
            subject: e.subject,
            sentAt: e.sent_at ?? '',
          }));
          return ArchivePage({ ctx, editions, page, pages });
        },
      });
    },
  );

  app.get(`${ARCHIVE_PATH}/:id`, { schema: { params: idParams } }, (request, reply) => {
    const { id } = request.params;
    return sendCachedPage(deps, request, reply, {
      key: `${ARCHIVE_PATH}/${id}`,
      keys: [NEWSLETTER_ARCHIVE_KEY],
      render: async (ctx) => {
        const edition = await findEdition(deps.db, id);
        if (!edition || edition.status === 'draft' || !edition.sent_at) return null;
        return EditionWebPage({
          ctx,
          id,
          sentAt: edition.sent_at,
          content: {
            kind: edition.kind,
            subject: edition.subject,
            intro: edition.intro,
            items: readItems(edition.items),
          },
        });
      },
    });
  });
};
