import type { Child } from 'hono/jsx';
import { AdminLayout } from '../admin/admin-layout.tsx';
import { whatsappStringsFor } from '../whatsapp/whatsapp-channel.pages.tsx';
import { can } from '../users/policy.ts';
import type { Section } from '../sections/section.table.ts';
import { formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { articleAdminStringsFor } from './article-admin.strings.ts';
import { ActionBar, ConfirmDialogs } from './article-actions.pages.tsx';
import {
  CurrentPhoto,
  EditorPreview,
  EditorScript,
  EditorStatus,
  EditorToolbar,
  MediaPicker,
  editorStringsFor,
  type EditorPhoto,
  type PreviewArticle,
} from './article-editor.pages.tsx';
import {
  BodyMediaPanel,
  BodyMediaScript,
  BodyPhotoButton,
  BodySyntaxHelp,
  bodyMediaStringsFor,
} from './body-media-picker.pages.tsx';
import type { Transition } from './article-workflow.ts';
import { LeadPhotoChoices } from './lead-photo-choices.pages.tsx';
import type { NewsroomArticleRow } from './article.queries.ts';
import type { ArticleStatus } from './article.table.ts';
import type { PageWeight } from './page-weight.ts';
import { PageWeightNote } from './page-weight-note.tsx';
import { ArticleViewsChart, type ViewDay } from './article-views.pages.tsx';
import type { ArticleDraft, DraftError } from './save-article.ts';
import { revisionAuthorText, revisionNoteText } from './revision-notes.ts';

/** The newsroom's list of articles, with filters by state, section and author, and a title search. */
export function ArticleListPage(props: {
  ctx: PageContext;
  csrfToken: string;
  rows: NewsroomArticleRow[];
  sections: Section[];
  authors: { id: number; name: string }[];
  filters: {
    status?: string | undefined;
    sectionId?: number | undefined;
    authorId?: number | undefined;
    q?: string | undefined;
  };
  canCreate: boolean;
}) {
  const { ctx } = props;
  const t = articleAdminStringsFor(ctx.site.locale);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, ctx.site) : '—');
  return (
    <AdminLayout ctx={ctx} title={t.listTitle} csrfToken={props.csrfToken}>
      <h1>{t.listTitle}</h1>
      {props.canCreate ? (
        <p>
          <a class="button" href="/admin/articles/nouveau">
            {t.newArticle}
          </a>
        </p>
      ) : null}
      <form method="get" action="/admin/articles" class="mod-filter">
        <label for="f-status">{t.filterStatus}</label>
        <select id="f-status" name="etat">
          <option value="">{t.all}</option>
          {Object.entries(t.statuses).map(([value, label]) => (
            <option value={value} selected={props.filters.status === value}>
              {label}
            </option>
          ))}
        </select>
        <label for="f-section">{t.filterSection}</label>
        <select id="f-section" name="rubrique">
          <option value="">{t.all}</option>
          {props.sections.map((s) => (
            <option value={String(s.id)} selected={props.filters.sectionId === s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label for="f-author">{t.filterAuthor}</label>
        <select id="f-author" name="auteur">
          <option value="">{t.all}</option>
          {props.authors.map((a) => (
            <option value={String(a.id)} selected={props.filters.authorId === a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <label for="f-q">{t.search}</label>
        <input id="f-q" name="q" type="search" value={props.filters.q ?? ''} />
        <button type="submit">{t.filter}</button>
      </form>
      {props.rows.length ? (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t.columns.title}</th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col">{t.columns.section}</th>
                <th scope="col">{t.columns.author}</th>
                <th scope="col">{t.columns.date}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/articles/${r.id}`}>{r.title}</a>
                  </td>
                  <td class="status">
                    {t.statuses[r.status === 'draft' && r.submittedAt ? 'submitted' : r.status]}
                  </td>
                  <td>{r.sectionName}</td>
                  <td>{r.authorName ?? '—'}</td>
                  <td>{when(r.savedAt ?? r.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.none}</p>
      )}
    </AdminLayout>
  );
}

/** The article editor: every part of the article anatomy, the workflow actions, and the revisions. */
export function ArticleEditPage(props: {
  ctx: PageContext;
  csrfToken: string;
  article: {
    id: number;
    version: number;
    status: ArticleStatus;
    submittedAt: string | null;
    /** The first publication's date, kept through an unpublish (or a scheduled date). */
    publishedAt: string | null;
    /** Public once, unpublished since: publishing again keeps the first date unless asked. */
    wasPublished: boolean;
    path: string | null;
    /** The title as saved (the confirmations name the article by it). */
    title: string;
  } | null;
  draft: ArticleDraft;
  sections: Section[];
  errors: Partial<Record<keyof ArticleDraft, DraftError>>;
  message?: string | undefined;
  notice?: string | undefined;
  transitions: Transition[];
  revisions: { version: number; editorName: string; note: string; editedAt: string }[];
  /** The article's first-view weight, once it has been saved. */
  weight?: PageWeight | null;
  /** The article's views per day, once it has been published. */
  views?: { days: ViewDay[]; total: number } | null;
  /** The photo the form names, when it is in the media library. */
  photo?: EditorPhoto | null;
  /** The article as readers would see it, from the form's fields. */
  preview: PreviewArticle;
  /** Library photos to choose the lead photo from without script, and the search that found them. */
  photoChoices?: EditorPhoto[];
  photoSearch?: string;
  /** Visits through the article's short link (WhatsApp), once published. */
  shortLinkVisits?: { today: number; recent: number } | null;
  /** The members who may co-sign, those already signing first, in their order. */
  writers?: { id: number; name: string }[];
  /** The corrections panel (corrections/correction.pages.tsx), for a saved article. */
  corrections?: Child;
  /** The « En direct » panel (live/live-admin.pages.tsx), for a saved article. */
  live?: Child;
}) {
  const { ctx, draft: d, errors } = props;
  const t = articleAdminStringsFor(ctx.site.locale);
  const f = t.fields;
  const et = editorStringsFor(ctx.site.locale);
  // The body's « Photo » button and its panel (body-media.js), for those who may use the library.
  const bodyMedia = can(ctx.user, 'upload-media') ? bodyMediaStringsFor(ctx.site.locale) : null;
  const err = (field: keyof ArticleDraft) =>
    errors[field] ? (
      <p class="field-error" id={`erreur-${field}`}>
        {t.errors[errors[field]!]}
      </p>
    ) : null;
  const text = (
    field: 'kicker' | 'signature' | 'agency' | 'slug' | 'imageCredit' | 'imageCaption' | 'imageAlt',
    attrs: Record<string, unknown> = {},
  ) => (
    <>
      <label for={`a-${field}`}>{f[field]}</label>
      <input
        id={`a-${field}`}
        name={field}
        type="text"
        value={d[field]}
        aria-invalid={errors[field] ? 'true' : undefined}
        {...attrs}
      />
      {err(field)}
    </>
  );
  const action = props.article ? `/admin/articles/${props.article.id}` : '/admin/articles';
  const title = props.article ? t.editTitle : t.newArticle;
  return (
    <AdminLayout ctx={ctx} title={title} csrfToken={props.csrfToken}>
      <h1>{title}</h1>
      {props.weight ? <PageWeightNote weight={props.weight} locale={ctx.site.locale} /> : null}
      {props.article ? (
        <p class="meta">
          {
            t.statuses[
              props.article.status === 'draft' && props.article.submittedAt
                ? 'submitted'
                : props.article.status
            ]
          }
          {props.article.path ? (
            <>
              {' · '}
              <a href={props.article.path}>{t.view}</a>
            </>
          ) : null}
          {props.shortLinkVisits ? (
            <>
              {' · '}
              <a href={`/admin/whatsapp#article-${props.article.id}`} class="wa-visits">
                {whatsappStringsFor(ctx.site.locale).visits(
                  props.shortLinkVisits.today,
                  props.shortLinkVisits.recent,
                )}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.message || Object.keys(errors).length ? (
        <div class="alert" role="alert">
          <p>{props.message ?? t.errorsIntro}</p>
        </div>
      ) : null}
      <form
        method="post"
        action={action}
        class="article-form"
        id="article-form"
        data-article-id={props.article ? String(props.article.id) : undefined}
        data-status={props.article?.status ?? 'new'}
      >
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {props.article ? (
          <input type="hidden" name="version" value={String(props.article.version)} />
        ) : null}
        {/* Enter in a field saves: the form's first button (before the photo search's) saves. */}
        <button class="implicit-save" tabindex={-1} aria-hidden="true">
          {t.save}
        </button>
        {text('kicker', { maxlength: 40 })}
        <label for="a-title">{f.title}</label>
        {/* A textarea, so a long headline shows whole; one line all the same (editor.js keeps
            Enter from breaking it, and the server joins any line breaks). */}
        <textarea
          id="a-title"
          name="title"
          class="title-field"
          rows={1}
          required
          maxlength={200}
          aria-invalid={errors.title ? 'true' : undefined}
        >
          {d.title}
        </textarea>
        {err('title')}
        <label for="a-standfirst">{f.standfirst}</label>
        <textarea id="a-standfirst" name="standfirst" rows={3} maxlength={600}>
          {d.standfirst}
        </textarea>
        {err('standfirst')}
        <label for="a-section">{f.section}</label>
        <select
          id="a-section"
          name="sectionId"
          required
          aria-invalid={errors.sectionId ? 'true' : undefined}
        >
          <option value="">—</option>
          {props.sections.map((s) => (
            <option value={String(s.id)} selected={d.sectionId === s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {err('sectionId')}
        <label for="a-tags">{f.tags}</label>
        <input id="a-tags" name="tags" type="text" value={d.tags.join(', ')} />
        <label for="a-body">{f.body}</label>
        <EditorToolbar t={et}>{bodyMedia ? <BodyPhotoButton t={bodyMedia} /> : null}</EditorToolbar>
        {bodyMedia ? <BodyMediaPanel t={bodyMedia} /> : null}
        <textarea id="a-body" name="body" rows={20}>
          {d.body}
        </textarea>
        <BodySyntaxHelp t={bodyMedia ?? bodyMediaStringsFor(ctx.site.locale)} />
        <fieldset class="coauthors">
          <legend>{f.coauthorIds}</legend>
          <ul class="check-list">
            {(props.writers ?? []).map((w) => (
              <li>
                <label class="check">
                  <input
                    type="checkbox"
                    name="coauthors"
                    value={String(w.id)}
                    checked={d.coauthorIds.includes(w.id)}
                  />{' '}
                  {w.name}
                </label>
              </li>
            ))}
          </ul>
          {err('coauthorIds')}
        </fieldset>
        {text('agency', { maxlength: 80 })}
        {text('signature')}
        {text('slug', { pattern: '[a-z0-9]+(-[a-z0-9]+)*' })}
        <fieldset>
          <legend>{t.photo}</legend>
          <CurrentPhoto photo={props.photo ?? null} />
          {can(ctx.user, 'upload-media') ? (
            <MediaPicker t={et} hasPhoto={d.imageId !== null} />
          ) : null}
          <LeadPhotoChoices
            locale={ctx.site.locale}
            imageId={d.imageId}
            current={props.photo ?? null}
            choices={props.photoChoices ?? []}
            search={props.photoSearch ?? ''}
          />
          <label for="a-imageId">{f.imageId}</label>
          <input
            id="a-imageId"
            name="imageId"
            type="number"
            min="1"
            value={d.imageId === null ? '' : String(d.imageId)}
            aria-invalid={errors.imageId ? 'true' : undefined}
            aria-describedby={errors.imageId ? 'erreur-imageId' : undefined}
          />
          {err('imageId')}
          {text('imageCredit')}
          {text('imageCaption')}
          {text('imageAlt')}
          <label class="check">
            <input
              type="checkbox"
              name="imageIsIllustration"
              value="1"
              checked={d.imageIsIllustration}
            />{' '}
            {f.imageIsIllustration}
          </label>
        </fieldset>
        <label class="check">
          <input type="checkbox" name="comments" value="open" checked={d.comments === 'open'} />{' '}
          {f.comments}
        </label>
        <label class="check">
          <input type="checkbox" name="noAds" value="1" checked={d.noAds} /> {f.noAds}
        </label>
        {props.article?.status === 'published' ? (
          <label class="check">
            <input type="checkbox" name="flagUpdate" value="1" checked={d.flagUpdate} />{' '}
            {f.flagUpdate}
          </label>
        ) : null}
        <ActionBar
          locale={ctx.site.locale}
          article={props.article}
          transitions={props.transitions}
          republish={
            props.transitions.includes('publish') && props.article?.wasPublished ? (
              <label class="check">
                <input type="checkbox" name="newDate" value="1" />{' '}
                {t.newDate(formatDateTime(props.article.publishedAt!, ctx.site))}
              </label>
            ) : null
          }
          status={<EditorStatus />}
        />
      </form>
      <EditorPreview t={et} site={ctx.site} article={props.preview} />
      {props.live ?? null}
      {props.corrections ?? null}
      {props.article ? (
        <ConfirmDialogs
          locale={ctx.site.locale}
          article={props.article}
          transitions={props.transitions}
          csrfToken={props.csrfToken}
        />
      ) : null}
      {props.article ? (
        <p>
          <a href={`/admin/articles/${props.article.id}/versions`}>{t.compareRevisions}</a>
        </p>
      ) : null}
      {props.views ? <ArticleViewsChart locale={ctx.site.locale} {...props.views} /> : null}
      {props.revisions.length ? (
        <details class="mod-audit">
          <summary>
            {t.revisions} ({props.revisions.length})
          </summary>
          <ol>
            {props.revisions.map((r) => (
              <li>
                {t.revisionLine(
                  r.version,
                  revisionAuthorText(r.editorName, ctx.site.locale),
                  formatDateTime(r.editedAt, ctx.site),
                  revisionNoteText(r.note, ctx.site.locale),
                )}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {/* The library's search and upload, for both photo pickers: first, as they use it. */}
      <script src={ctx.assets.mediaLibraryJs.url} defer />
      <EditorScript t={et} src={ctx.assets.editorJs.url} />
      <script src={ctx.assets.pasteJs.url} defer />
      {bodyMedia ? <BodyMediaScript t={bodyMedia} src={ctx.assets.bodyMediaJs.url} /> : null}
    </AdminLayout>
  );
}
