import { AdminLayout } from '../admin/admin-layout.tsx';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { articlePath } from '../articles/article.ts';
import type { Locale, SiteSettings } from '../settings/site-settings.ts';
import { formatDateTime, formatTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { canChangeLiveEntry, canRunLiveCoverage } from './live-policy.ts';
import { liveAdminPath, LIVE_ENTRY_MAX, type LiveEntryView } from './live.ts';
import { liveStringsFor } from './live.strings.ts';

type AdminStrings = ReturnType<typeof liveStringsFor>['admin'];

/** The article as the live pages of the newsroom show it. */
export interface LiveAdminArticle {
  id: number;
  title: string;
  slug: string;
  sectionSlug: string;
  status: string;
  authorId: number | null;
  live: boolean;
  startedAt: string | null;
  endedAt: string | null;
}

/** What the coverage buttons and the state line need. */
type CoverageArticle = Pick<LiveAdminArticle, 'id' | 'authorId' | 'live' | 'endedAt'>;

/** An error the entry form shows, with the text as typed. */
export interface LiveFormState {
  body: string;
  pinned: boolean;
  error?: keyof AdminStrings['errors'] | undefined;
}

function CoverageButtons(p: {
  s: AdminStrings;
  article: CoverageArticle;
  csrfToken: string;
  /** Also offer « Ce n'est plus un direct » (the entry page; the editor's panel stays short). */
  withStop?: boolean;
}) {
  const a = p.article;
  const button = (etat: string, label: string, cls?: string) => (
    <form method="post" action={`${liveAdminPath(a.id)}/etat`} class="inline">
      <input type="hidden" name="_csrf" value={p.csrfToken} />
      <input type="hidden" name="etat" value={etat} />
      <button type="submit" class={cls}>
        {label}
      </button>
    </form>
  );
  if (!a.live) return button('ouvrir', p.s.start);
  return (
    <div class="live-admin-actions">
      {a.endedAt ? button('rouvrir', p.s.reopen) : button('terminer', p.s.end, 'btn-danger')}
      {p.withStop ? button('arreter', p.s.stop, 'button-quiet') : null}
    </div>
  );
}

function stateText(s: AdminStrings, a: CoverageArticle, site: SiteSettings): string {
  if (!a.live) return s.stateNotLive;
  return a.endedAt ? s.stateEnded(formatDateTime(a.endedAt, site)) : s.stateLive;
}

/** The « En direct » panel of the article editor: the state, and the way to the entries. */
export function LiveEditorPanel(p: {
  locale: Locale;
  site: SiteSettings;
  csrfToken: string;
  user: { id: number; role: 'admin' | 'editor' | 'author' | 'moderator' };
  article: CoverageArticle;
}) {
  const s = liveStringsFor(p.locale).admin;
  const a = p.article;
  return (
    <section class="live-admin-panel" id="direct" aria-labelledby="direct-titre">
      <h2 id="direct-titre">{s.heading}</h2>
      <p class="hint">{s.panelIntro}</p>
      <p>{stateText(s, a, p.site)}</p>
      {a.live ? (
        <p>
          <a class="button-quiet" href={liveAdminPath(a.id)}>
            {s.open}
          </a>
        </p>
      ) : null}
      {canRunLiveCoverage(p.user, a) ? (
        <CoverageButtons s={s} article={a} csrfToken={p.csrfToken} />
      ) : null}
    </section>
  );
}

/**
 * The live entry page (`/admin/articles/:id/direct`): a small form at the top (text, « épingler »,
 * publish), then the entries, newest first, each with its actions. Plain forms: it works without
 * script, and a post is one short round trip, never the editor's.
 */
export function LiveAdminPage(p: {
  ctx: PageContext;
  csrfToken: string;
  article: LiveAdminArticle;
  entries: LiveEntryView[];
  form: LiveFormState;
  /** The entry being edited (`?modifier=<id>`), with its text as typed after a refused save. */
  editing: { id: number; body: string; error?: keyof AdminStrings['errors'] | undefined } | null;
  flash: string | undefined;
  /** An action on an entry that was refused (someone else's entry, a deleted one). */
  refused?: keyof AdminStrings['errors'] | undefined;
}) {
  const { site, user } = p.ctx;
  const s = liveStringsFor(site.locale).admin;
  const a = p.article;
  const base = liveAdminPath(a.id);
  const canPost = a.live && !a.endedAt;
  const error = p.form.error;
  return (
    <AdminLayout ctx={p.ctx} title={s.title(a.title)} csrfToken={p.csrfToken}>
      <p class="breadcrumb">
        <a href={`/admin/articles/${a.id}`}>← {s.back}</a>
        {a.status === 'published' ? (
          <>
            {' · '}
            <a href={`${articlePath({ slug: a.slug, section: { slug: a.sectionSlug } })}#direct`}>
              {s.readerPage}
            </a>
          </>
        ) : null}
      </p>
      <h1>{s.title(a.title)}</h1>
      {p.flash && s.done[p.flash] ? (
        <p class="notice" role="status">
          {s.done[p.flash]}
        </p>
      ) : null}
      {p.refused ? (
        <p class="field-error" role="alert">
          {s.errors[p.refused]}
        </p>
      ) : null}
      <div class="live-admin-state">
        <p>
          <strong>{stateText(s, a, site)}</strong>
        </p>
        {a.status !== 'published' ? <p class="hint">{s.notPublished}</p> : null}
        {user && canRunLiveCoverage(user, a) ? (
          <CoverageButtons s={s} article={a} csrfToken={p.csrfToken} withStop />
        ) : null}
      </div>
      {canPost ? (
        <form method="post" action={base} class="admin-form live-entry-form" novalidate>
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <h2>{s.newEntry}</h2>
          <ErrorSummary title={s.errorsTitle} messages={error ? [s.errors[error]] : []} />
          <p>
            <label for="entree-texte">{s.body}</label>
            <textarea
              id="entree-texte"
              name="body"
              rows={6}
              required
              maxlength={LIVE_ENTRY_MAX}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby="entree-aide"
            >
              {p.form.body}
            </textarea>
            <span class="hint" id="entree-aide">
              {s.bodyHint}
            </span>
          </p>
          <p class="live-entry-form-foot">
            <label class="checkbox">
              <input type="checkbox" name="pinned" value="1" checked={p.form.pinned} /> {s.pin}
            </label>
            <button type="submit">{s.post}</button>
          </p>
        </form>
      ) : null}
      <h2>{s.list}</h2>
      {p.entries.length ? (
        <ol class="live-admin-entries">
          {p.entries.map((e) => (
            <EntryRow
              e={e}
              s={s}
              site={site}
              base={base}
              csrfToken={p.csrfToken}
              mayChange={!!user && canChangeLiveEntry(user, { author_id: e.authorId })}
              editing={p.editing?.id === e.id ? p.editing : null}
            />
          ))}
        </ol>
      ) : (
        <p>{s.none}</p>
      )}
    </AdminLayout>
  );
}

function EntryRow(p: {
  e: LiveEntryView;
  s: AdminStrings;
  site: SiteSettings;
  base: string;
  csrfToken: string;
  mayChange: boolean;
  editing: { body: string; error?: keyof AdminStrings['errors'] | undefined } | null;
}) {
  const { e, s } = p;
  const action = (name: string, label: string, cls?: string) => (
    <form method="post" action={`${p.base}/entree`} class="inline">
      <input type="hidden" name="_csrf" value={p.csrfToken} />
      <input type="hidden" name="entree" value={String(e.id)} />
      <input type="hidden" name="action" value={name} />
      <button
        type="submit"
        class={cls}
        aria-label={`${label} (${formatTime(e.createdAt, p.site)})`}
      >
        {label}
      </button>
    </form>
  );
  return (
    <li class={`live-admin-entry${e.pinned ? ' is-pinned' : ''}`} id={`entree-${e.id}`}>
      <p class="live-admin-entry-meta">
        <time>{formatDateTime(e.createdAt, p.site)}</time>
        {e.authorName ? ` ${s.by(e.authorName)}` : null}
        {e.pinned ? <span class="badge">{liveStringsFor(p.site.locale).pinned}</span> : null}
      </p>
      {p.editing ? (
        <form method="post" action={`${p.base}/entree`} class="admin-form">
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <input type="hidden" name="entree" value={String(e.id)} />
          <input type="hidden" name="action" value="modifier" />
          {p.editing.error ? (
            <p class="field-error" role="alert" id={`erreur-entree-${e.id}`}>
              {s.errors[p.editing.error]}
            </p>
          ) : null}
          <label for={`modifier-${e.id}`} class="visually-hidden">
            {s.body}
          </label>
          <textarea id={`modifier-${e.id}`} name="body" rows={5} maxlength={LIVE_ENTRY_MAX}>
            {p.editing.body}
          </textarea>
          <button type="submit">{s.save}</button>
        </form>
      ) : (
        <div class="live-admin-entry-body">{e.body}</div>
      )}
      {p.mayChange && !p.editing ? (
        <div class="live-admin-actions">
          <a class="button-quiet" href={`${p.base}?modifier=${e.id}#entree-${e.id}`}>
            {s.edit}
          </a>
          {e.pinned ? action('desepingler', s.unpinAction) : action('epingler', s.pinAction)}
          {action('supprimer', s.delete, 'btn-danger')}
        </div>
      ) : null}
    </li>
  );
}
