import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listMostRead } from '../articles/article-views.queries.ts';
import { mostReadSince } from '../articles/article-views.ts';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { clip, dbId, flagQuery, formBody, formList, idParams, listOf } from '../http/schemas.ts';
import { formatDate, newsroomDayBounds } from '../web/dates.ts';
import { listPublishedInDay } from '../whatsapp/short-link.queries.ts';
import {
  countDeliveryOutcomes,
  findEdition,
  insertEdition,
  listDeliveryFailures,
  listEditions,
  updateEditionDraft,
} from './edition.queries.ts';
import {
  EditionAdminPage,
  editionAdminPath,
  NewsletterAdminPage,
  type CandidateArticle,
} from './newsletter-admin.pages.tsx';
import { editionMessage, typesetMessage } from './newsletter-mails.tsx';
import {
  countDeliveries,
  deliveryState,
  EDITION_ARTICLES_MAX,
  INTRO_MAX,
  readIdList,
  SUBJECT_MAX,
  type DeliveryCounts,
} from './newsletter.ts';
import { newsletterAdminStringsFor, type EditionError } from './newsletter.strings.ts';
import type { EditionRow } from './newsletter.table.ts';
import { loadEditionContent, loadEditionItems, startSendingEdition } from './send-edition.ts';
import { subscriberAdminRoutes } from './subscriber-admin.routes.ts';
import { countSubscribersByStatus } from './subscriber.queries.ts';

const FAILURES_SHOWN = 200;
const CANDIDATES_MAX = 40;

const editionForm = z.object({
  subject: z.string().optional(),
  intro: z.string().optional(),
  articles: formList,
});

/** What is wrong with a draft's fields, if anything. */
function checkDraft(d: { subject: string; intro: string; articleIds: number[] }): EditionError[] {
  const errors: EditionError[] = [];
  if (!d.subject) errors.push('subject-missing');
  else if (d.subject.length > SUBJECT_MAX) errors.push('subject-too-long');
  if (d.intro.length > INTRO_MAX) errors.push('intro-too-long');
  if (!d.articleIds.length && !d.intro) errors.push('no-articles');
  return errors;
}

/** The newsletter's newsroom pages: letters, their preview, sending and report; subscribers. */
export const newsletterAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const config = { policy: 'manage-newsletter' } as const;

  async function reportCounts(editionId: number): Promise<DeliveryCounts> {
    const rows = await countDeliveryOutcomes(deps.db, editionId);
    const counts = countDeliveries([]);
    for (const row of rows) counts[deliveryState(row)] += row.n;
    return counts;
  }

  app.get(
    '/admin/newsletter',
    { config, schema: { querystring: z.object({ fait: flagQuery }) } },
    async (request, reply) => {
      const [ctx, subscribers, rows] = await Promise.all([
        pageContext(deps, request),
        countSubscribersByStatus(deps.db),
        listEditions(deps.db, 30),
      ]);
      const editions = [];
      for (const edition of rows)
        editions.push({
          edition,
          counts: edition.status === 'draft' ? undefined : await reportCounts(edition.id),
        });
      return sendPrivatePage(
        reply,
        NewsletterAdminPage({
          ctx,
          csrfToken: reply.generateCsrf(),
          subscribers,
          editions,
          flash: request.query.fait,
        }),
      );
    },
  );

  // The day's most read (last 24 hours), else the day's stories: what a daily letter starts with.
  async function mostReadIds(now: Date, timeZone: string): Promise<number[]> {
    const read = await listMostRead(deps.db, { sinceHour: mostReadSince(now), limit: 8 });
    if (read.length) return read.map((a) => a.id);
    const { from, to } = newsroomDayBounds(now, timeZone);
    return (await listPublishedInDay(deps.db, { from, to, limit: 8 })).map((a) => a.id);
  }

  app.post(
    '/admin/newsletter/editions',
    { config, preValidation: app.csrfProtection, schema: { body: formBody('kind') } },
    async (request, reply) => {
      const kind = request.body.kind === 'special' ? 'special' : 'digest';
      const now = deps.clock.now();
      const { settings } = await deps.cache.snapshot();
      const t = newsletterAdminStringsFor(settings.locale);
      const day = formatDate(now.toISOString(), settings);
      const edition = await insertEdition(deps.db, {
        kind,
        subject: kind === 'digest' ? `${t.kind.digest} — ${day}` : `${t.kind.special} — ${day}`,
        intro: '',
        articleIds: kind === 'digest' ? await mostReadIds(now, settings.timeZone) : [],
        by: request.user?.id ?? null,
        now,
      });
      return reply.redirect(`${editionAdminPath(edition.id)}?fait=creee`, 303);
    },
  );

  async function editionPage(
    request: FastifyRequest,
    reply: FastifyReply,
    edition: EditionRow,
    state: {
      form?: { subject: string; intro: string; articleIds: number[] };
      errors?: EditionError[];
      flash?: string | undefined;
    },
    status = 200,
  ) {
    const ctx = await pageContext(deps, request);
    const now = deps.clock.now();
    const chosen = state.form?.articleIds ?? readIdList(edition.article_ids);
    const content = await loadEditionContent(deps.db, edition);
    const preview = typesetMessage(
      await editionMessage(
        { settings: ctx.site, publicUrl: deps.config.publicUrl },
        { id: edition.id, content },
      ),
      ctx.site.locale,
    );
    let candidates: CandidateArticle[] = [];
    if (edition.status === 'draft') {
      const read = await listMostRead(deps.db, { sinceHour: mostReadSince(now), limit: 20 });
      const views = new Map(read.map((a) => [a.id, a.views]));
      const since = new Date(now.getTime() - 48 * 3_600_000);
      const recent = await listPublishedInDay(deps.db, {
        from: since,
        to: now,
        limit: CANDIDATES_MAX,
      });
      const ids = [...new Set([...chosen, ...read.map((a) => a.id), ...recent.map((a) => a.id)])];
      const items = await loadEditionItems(deps.db, ids.slice(0, CANDIDATES_MAX + chosen.length));
      const published = new Map(recent.map((a) => [a.id, a.publishedAt]));
      candidates = items.map((a) => ({
        id: a.id,
        title: a.title,
        kicker: a.kicker,
        publishedAt: published.get(a.id) ?? '',
        views: views.get(a.id) ?? 0,
        chosen: chosen.includes(a.id),
      }));
    }
    const sent = edition.status !== 'draft';
    const { confirmed } = await countSubscribersByStatus(deps.db);
    return sendPrivatePage(
      reply,
      EditionAdminPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        edition,
        form: state.form ?? { subject: edition.subject, intro: edition.intro },
        candidates,
        errors: state.errors ?? [],
        preview,
        confirmed,
        report: sent
          ? {
              counts: await reportCounts(edition.id),
              failures: await listDeliveryFailures(deps.db, {
                editionId: edition.id,
                limit: FAILURES_SHOWN,
              }),
            }
          : undefined,
        flash: state.flash,
      }),
      status,
    );
  }

  async function editionOr404(id: number): Promise<EditionRow> {
    const edition = await findEdition(deps.db, id);
    if (!edition) throw notFound();
    return edition;
  }

  app.get(
    '/admin/newsletter/editions/:id',
    { config, schema: { params: idParams, querystring: z.object({ fait: flagQuery }) } },
    async (request, reply) =>
      editionPage(request, reply, await editionOr404(request.params.id), {
        flash: request.query.fait,
      }),
  );

  app.post(
    '/admin/newsletter/editions/:id',
    { config, preValidation: app.csrfProtection, schema: { params: idParams, body: editionForm } },
    async (request, reply) => {
      const edition = await editionOr404(request.params.id);
      const ids = listOf(request.body.articles).flatMap((v) => {
        const id = dbId.safeParse(v);
        return id.success ? [id.data] : [];
      });
      const form = {
        subject: clip(request.body.subject, SUBJECT_MAX + 50),
        intro: clip(request.body.intro, INTRO_MAX + 500),
        articleIds: [...new Set(ids)].slice(0, EDITION_ARTICLES_MAX),
      };
      const errors = checkDraft(form);
      if (edition.status !== 'draft')
        return reply.redirect(`${editionAdminPath(edition.id)}?fait=deja-envoyee`, 303);
      if (errors.length) return editionPage(request, reply, edition, { form, errors }, 422);
      await updateEditionDraft(deps.db, { id: edition.id, ...form, now: deps.clock.now() });
      return reply.redirect(`${editionAdminPath(edition.id)}?fait=enregistree`, 303);
    },
  );

  // The HTML mail exactly as it leaves, as a document of its own: its inline styles allowed,
  // nothing else (no script, no frame, sandboxed).
  app.get(
    '/admin/newsletter/editions/:id/apercu',
    { config, schema: { params: idParams } },
    async (request, reply) => {
      const edition = await editionOr404(request.params.id);
      const { settings } = await deps.cache.snapshot();
      const message = typesetMessage(
        await editionMessage(
          { settings, publicUrl: deps.config.publicUrl },
          { id: edition.id, content: await loadEditionContent(deps.db, edition) },
        ),
        settings.locale,
      );
      reply.raw.setHeader(
        'content-security-policy',
        "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox",
      );
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(message.html);
    },
  );

  app.post(
    '/admin/newsletter/editions/:id/envoyer',
    { config, preValidation: app.csrfProtection, schema: { params: idParams, body: formBody() } },
    async (request, reply) => {
      const edition = await editionOr404(request.params.id);
      if (edition.status !== 'draft')
        return reply.redirect(`${editionAdminPath(edition.id)}?fait=deja-envoyee`, 303);
      const errors = checkDraft({
        subject: edition.subject,
        intro: edition.intro,
        articleIds: readIdList(edition.article_ids),
      });
      if (errors.length) return editionPage(request, reply, edition, { errors }, 422);
      const started = await startSendingEdition(deps.db, {
        edition,
        by: request.user?.id ?? null,
        now: deps.clock.now(),
      });
      deps.cache.invalidate();
      return reply.redirect(
        `${editionAdminPath(edition.id)}?fait=${started ? 'envoyee' : 'deja-envoyee'}`,
        303,
      );
    },
  );

  await app.register(subscriberAdminRoutes, deps);
};
