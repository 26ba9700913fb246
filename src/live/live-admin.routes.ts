import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { optionalQueryId } from '../http/reader-input.ts';
import { clip, dbId, flagQuery, formBody, idParams } from '../http/schemas.ts';
import { LiveAdminPage, type LiveAdminArticle, type LiveFormState } from './live-admin.pages.tsx';
import { liveAdminPath, LIVE_ENTRIES_SHOWN, LIVE_ENTRY_MAX } from './live.ts';
import { findArticleLiveState, listLiveEntries } from './live.queries.ts';
import {
  changeLiveCoverage,
  changeLiveEntry,
  postLiveEntry,
  type CoverageChange,
  type EntryChange,
  type LiveResult,
} from './post-live-entry.ts';

const COVERAGE: Record<string, { change: CoverageChange; done: string }> = {
  ouvrir: { change: 'start', done: 'ouvert' },
  terminer: { change: 'end', done: 'termine' },
  rouvrir: { change: 'reopen', done: 'rouvert' },
  arreter: { change: 'stop', done: 'arrete' },
};

const ENTRY_DONE: Record<EntryChange['kind'], string> = {
  edit: 'modifiee',
  pin: 'epinglee',
  unpin: 'desepinglee',
  delete: 'supprimee',
};

const entryForm = z.object({
  entree: dbId,
  action: z.enum(['modifier', 'epingler', 'desepingler', 'supprimer']),
  body: z.string().optional(),
});

/**
 * The newsroom's live entry page and its actions (everyone who writes articles: several
 * journalists post on one live page at once; the desk, or an entry's author, changes it).
 */
export const liveAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const config = { policy: 'write-articles' } as const;

  async function article(id: number): Promise<LiveAdminArticle> {
    const a = await findArticleLiveState(deps.db, id);
    if (!a) throw notFound();
    return a;
  }

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    state: {
      form?: LiveFormState;
      editing?: { id: number; body: string; error?: LiveFormState['error'] } | null;
      flash?: string | undefined;
      refused?: LiveFormState['error'];
      status?: number;
    },
  ) {
    const [ctx, a, entries] = await Promise.all([
      pageContext(deps, request),
      article(id),
      listLiveEntries(deps.db, { articleId: id, newest: LIVE_ENTRIES_SHOWN }).then(
        (l) => l.entries,
      ),
    ]);
    let editing = state.editing ?? null;
    if (editing && !editing.body) {
      const entry = entries.find((e) => e.id === editing!.id);
      editing = entry ? { id: entry.id, body: entry.body } : null;
    }
    return sendPrivatePage(
      reply,
      LiveAdminPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        article: a,
        entries,
        form: state.form ?? { body: '', pinned: false },
        editing,
        flash: state.flash,
        refused: state.refused,
      }),
      state.status ?? 200,
    );
  }

  const refusal = (r: Exclude<LiveResult, { ok: true }>): LiveFormState['error'] =>
    r.reason === 'invalid' ? r.error : r.reason;

  app.get(
    '/admin/articles/:id/direct',
    {
      config,
      schema: {
        params: idParams,
        querystring: z.object({ fait: flagQuery, modifier: optionalQueryId }),
      },
    },
    (request, reply) => {
      const { modifier, fait } = request.query;
      return page(request, reply, request.params.id, {
        flash: fait,
        editing: modifier ? { id: modifier, body: '' } : null,
      });
    },
  );

  app.post(
    '/admin/articles/:id/direct',
    {
      config,
      preValidation: app.csrfProtection,
      schema: { params: idParams, body: formBody('body', 'pinned') },
    },
    async (request, reply) => {
      const { id } = request.params;
      const body = clip(request.body.body, LIVE_ENTRY_MAX * 2);
      const pinned = request.body.pinned === '1';
      const { settings } = await deps.cache.snapshot();
      const result = await postLiveEntry(deps.db, {
        articleId: id,
        user: request.user!,
        body,
        pinned,
        now: deps.clock.now(),
        locale: settings.locale,
      });
      if (result.ok) {
        deps.cache.invalidate();
        return reply.redirect(`${liveAdminPath(id)}?fait=publiee`, 303);
      }
      if (result.reason === 'notFound') throw notFound();
      // The text comes back as typed; a coverage that ended meanwhile says so above the list.
      return page(request, reply, id, {
        form: { body, pinned, error: result.reason === 'invalid' ? result.error : undefined },
        refused: result.reason === 'invalid' ? undefined : refusal(result),
        status: 422,
      });
    },
  );

  app.post(
    '/admin/articles/:id/direct/entree',
    {
      config,
      preValidation: app.csrfProtection,
      schema: { params: idParams, body: entryForm },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { entree, action } = request.body;
      const body = clip(request.body.body, LIVE_ENTRY_MAX * 2);
      const { settings } = await deps.cache.snapshot();
      const change: EntryChange =
        action === 'modifier'
          ? { kind: 'edit', body, locale: settings.locale }
          : { kind: action === 'epingler' ? 'pin' : action === 'desepingler' ? 'unpin' : 'delete' };
      const result = await changeLiveEntry(deps.db, {
        articleId: id,
        entryId: entree,
        user: request.user!,
        change,
        now: deps.clock.now(),
      });
      if (result.ok) {
        deps.cache.invalidate();
        return reply.redirect(`${liveAdminPath(id)}?fait=${ENTRY_DONE[change.kind]}`, 303);
      }
      if (result.reason === 'invalid')
        return page(request, reply, id, {
          editing: { id: entree, body: body || ' ', error: result.error },
          status: 422,
        });
      return page(request, reply, id, {
        refused: refusal(result),
        status: result.reason === 'forbidden' ? 403 : 404,
      });
    },
  );

  app.post(
    '/admin/articles/:id/direct/etat',
    {
      config,
      preValidation: app.csrfProtection,
      schema: {
        params: idParams,
        body: z.object({
          etat: z.enum(['ouvrir', 'terminer', 'rouvrir', 'arreter']),
        }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { change, done } = COVERAGE[request.body.etat]!;
      const result = await changeLiveCoverage(deps.db, {
        articleId: id,
        user: request.user!,
        change,
        now: deps.clock.now(),
      });
      if (result.ok) {
        deps.cache.invalidate();
        // Back to the editor after « Ce n'est plus un direct »: the entries page has no use then.
        if (change === 'stop') return reply.redirect(`/admin/articles/${id}#direct`, 303);
        return reply.redirect(`${liveAdminPath(id)}?fait=${done}`, 303);
      }
      if (result.reason === 'notFound') throw notFound();
      return page(request, reply, id, {
        refused: refusal(result),
        status: result.reason === 'forbidden' ? 403 : 409,
      });
    },
  );
};
