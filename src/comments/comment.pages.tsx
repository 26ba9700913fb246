import { formatDateTime } from '../web/dates.ts';
import { inlineScripts } from '../web/inline-code.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { template, trustedHtml } from '../web/render.ts';
import { typeset } from '../web/typography.ts';
import { CommentText } from './comment-text.tsx';
import { ReportLink } from './comment-report.pages.tsx';
import { commentStringsFor } from './comment.strings.ts';
import {
  BODY_MAX,
  charCount,
  NAME_MAX,
  type CommentFieldError,
  type CommentFormValues,
  type PublicComment,
  type ThreadItem,
} from './comment.ts';

/** Where a reader's own pending comments go in a cached article page. */
export const SLOT_MINE = '<!--griot:mine-->';

/** The comment form's state when it comes back to the reader. */
export interface CommentFormState {
  values: CommentFormValues;
  errors: Partial<Record<keyof CommentFormValues, CommentFieldError>>;
  message?: string | undefined;
  /**
   * A fresh form stamp: the form given back is a private page, so it carries one and sending it
   * again needs no script. Shared pages never do; their script fetches one (inline-code.ts).
   */
  stamp?: string | undefined;
}

/** Everything the comment section of an article shows. */
export interface CommentSectionProps {
  ctx: PageContext;
  article: { id: number; title: string; path: string };
  count: number;
  open: boolean;
  thread: ThreadItem[];
  page: number;
  pages: number;
  replyTo: PublicComment | null;
  form?: CommentFormState | undefined;
}

// The thread is written as templates (see `template`): its comments are about half of an article
// page's elements, and every miss renders them.
function Comment(props: {
  ctx: PageContext;
  comment: PublicComment;
  replyHref?: string | undefined;
}) {
  const { ctx, comment: c } = props;
  const t = commentStringsFor(ctx.site.locale);
  const reply = props.replyHref
    ? template`<a class="comment-reply" href="${props.replyHref}">${t.reply}</a>`
    : null;
  return template`<article class="comment" id="comment-${c.id}"><header><strong class="comment-author">${c.authorName}</strong> <a class="comment-time" href="#comment-${c.id}"><time datetime="${c.createdAt}">${formatDateTime(c.createdAt, ctx.site)}</time></a></header><div class="comment-body">${CommentText({ body: c.body })}</div>${reply} ${ReportLink({ ctx, id: c.id, authorName: c.authorName })}</article>`;
}

function Thread(props: {
  ctx: PageContext;
  thread: ThreadItem[];
  replyHref?: (id: number) => string;
}) {
  const { ctx } = props;
  return template`<ol class="thread">${props.thread.map(
    (c) =>
      template`<li>${Comment({ ctx, comment: c, replyHref: props.replyHref?.(c.id) })}${
        c.replies.length
          ? template`<ol class="replies">${c.replies.map((r) => template`<li>${Comment({ ctx, comment: r })}</li>`)}</ol>`
          : null
      }</li>`,
  )}</ol>`;
}

/** The comment section under an article: the thread, the reader's own pending comments, the form. */
export function CommentSection(props: CommentSectionProps) {
  const { ctx, article } = props;
  const t = commentStringsFor(ctx.site.locale);
  const threadHref = (page: number) =>
    `${article.path}${page > 1 ? `?commentaires=${page}` : ''}#commentaires`;
  const replyHref = (id: number) =>
    `${article.path}?${props.page > 1 ? `commentaires=${props.page}&` : ''}repondre=${id}#reagir`;
  return (
    <section class="comments" id="commentaires" aria-labelledby="commentaires-titre">
      <h2 id="commentaires-titre">
        {t.heading} <span class="comments-count">({props.count})</span>
      </h2>
      {trustedHtml(SLOT_MINE)}
      {props.thread.length ? (
        <Thread ctx={ctx} thread={props.thread} {...(props.open ? { replyHref } : {})} />
      ) : props.open ? (
        <p class="comments-empty">{t.empty}</p>
      ) : null}
      {props.pages > 1 ? (
        <nav class="pager" aria-label={t.threadPages}>
          {Array.from({ length: props.pages }, (_, i) => i + 1).map((n) =>
            n === props.page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <a href={threadHref(n)}>{n}</a>
            ),
          )}
        </nav>
      ) : null}
      {props.open ? <CommentForm {...props} t={t} /> : <p class="notice">{t.closed}</p>}
      {!props.open && props.form?.values.body ? (
        // Comments closed while the reader was writing: give their text back to copy.
        <div class="comment-form">
          <label for="comment-kept">{t.body}</label>
          <textarea id="comment-kept" readonly rows={6}>
            {props.form.values.body}
          </textarea>
        </div>
      ) : null}
      {props.open ? <script>{trustedHtml(inlineScripts.commentDraft)}</script> : null}
    </section>
  );
}

function CommentForm(props: CommentSectionProps & { t: ReturnType<typeof commentStringsFor> }) {
  const { t, article, form, replyTo } = props;
  const v = form?.values;
  const e = form?.errors ?? {};
  const fieldError = (field: keyof CommentFormValues) => {
    const code = e[field];
    if (!code) return null;
    const text =
      code === 'bodyLength'
        ? t.errors.bodyLength(charCount((v?.body ?? '').trim()))
        : t.errors[code];
    return (
      <p class="field-error" id={`erreur-${field}`}>
        {text}
      </p>
    );
  };
  const hasErrors = !!form?.message || Object.keys(e).length > 0;
  return (
    <section class="comment-form" id="reagir" aria-labelledby="reagir-titre">
      <h3 id="reagir-titre">
        {replyTo
          ? t.replyInvite(replyTo.authorName)
          : typeset(t.invite(article.title), props.ctx.site.locale)}
      </h3>
      {replyTo ? (
        <p class="replying">
          <a href={`${article.path}#reagir`}>{t.cancelReply}</a>
        </p>
      ) : null}
      <p class="comment-note">{t.note}</p>
      {hasErrors ? (
        // Focus lands here when the page comes back with errors, for keyboard and screen reader users.
        <div class="alert" role="alert" tabindex={-1} autofocus>
          <p>{form?.message ?? t.errorsIntro}</p>
        </div>
      ) : null}
      <form
        method="post"
        // No fragment: a page sent back with errors moves focus (and the view) to them itself.
        action={article.path}
        id="comment-form"
        data-article={String(article.id)}
      >
        {form?.stamp ? <input type="hidden" name="stamp" value={form.stamp} /> : null}
        {replyTo ? <input type="hidden" name="parent" value={String(replyTo.id)} /> : null}
        <label for="comment-name">{t.name}</label>
        <input
          id="comment-name"
          name="name"
          type="text"
          autocomplete="name"
          required
          maxlength={NAME_MAX}
          value={v?.name ?? ''}
          aria-invalid={e.name ? 'true' : undefined}
          aria-describedby={e.name ? 'erreur-name' : undefined}
        />
        {fieldError('name')}
        <label for="comment-email">{t.email}</label>
        <input
          id="comment-email"
          name="email"
          type="email"
          autocomplete="email"
          required
          value={v?.email ?? ''}
          aria-invalid={e.email ? 'true' : undefined}
          aria-describedby={e.email ? 'erreur-email aide-email' : 'aide-email'}
        />
        <p class="hint" id="aide-email">
          {t.emailHint}
        </p>
        {fieldError('email')}
        <label for="comment-body">{t.body}</label>
        <textarea
          id="comment-body"
          name="body"
          rows={6}
          required
          maxlength={BODY_MAX}
          aria-invalid={e.body ? 'true' : undefined}
          aria-describedby={e.body ? 'erreur-body aide-body' : 'aide-body'}
        >
          {v?.body ?? ''}
        </textarea>
        <p class="hint" id="aide-body">
          {t.bodyHint}
        </p>
        {fieldError('body')}
        <div class="hp" aria-hidden="true">
          <label for="comment-website">{t.honeypot}</label>
          <input id="comment-website" name="website" type="text" tabindex={-1} autocomplete="off" />
        </div>
        <label class="check">
          <input type="checkbox" name="notify" value="1" checked={v?.notify ?? false} /> {t.notify}
        </label>
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
}

/** The reader's own part of the section: the acknowledgement and their comments awaiting moderation. */
export function MineBlock(props: {
  ctx: PageContext;
  thanks: boolean;
  pending: { comment: PublicComment; link: string }[];
}) {
  const t = commentStringsFor(props.ctx.site.locale);
  if (!props.thanks && props.pending.length === 0) return null;
  return (
    <div class="comment-mine" id="votre-commentaire">
      {props.thanks ? (
        <div class="notice comment-thanks" role="status">
          <p>
            <strong>{t.thanks}</strong> {t.thanksNext}
          </p>
        </div>
      ) : null}
      {props.pending.map(({ comment, link }) => (
        <article class="comment comment-pending" id={`comment-${comment.id}`}>
          <header>
            <strong class="comment-author">{comment.authorName}</strong>{' '}
            <span class="badge">{t.pending}</span>
          </header>
          <div class="comment-body">
            <CommentText body={comment.body} />
          </div>
          <p class="comment-private">
            <a href={link} rel="nofollow">
              {t.viewYours}
            </a>{' '}
            <span class="hint">{t.viewYoursHint}</span>
          </p>
        </article>
      ))}
    </div>
  );
}

/** The private page a reader's link opens: only the state of their comment. */
export function CommentStatusPage(props: {
  ctx: PageContext;
  comment: PublicComment & { status: string; articleTitle: string };
  threadLink: string | null;
}) {
  const { ctx, comment: c } = props;
  const t = commentStringsFor(ctx.site.locale);
  return (
    <Layout ctx={ctx} title={`${t.statusTitle} — ${ctx.site.siteName}`} robots="noindex, nofollow">
      <div class="panel wide">
        <h1>{t.statusTitle}</h1>
        <p class="meta">{typeset(t.statusOn(c.articleTitle), ctx.site.locale)}</p>
        {c.status === 'pending' ? (
          <>
            <p class="notice">{t.statusPending}</p>
            <article class="comment comment-pending">
              <header>
                <strong class="comment-author">{c.authorName}</strong>{' '}
                <span class="badge">{t.pending}</span>
              </header>
              <div class="comment-body">
                <CommentText body={c.body} />
              </div>
            </article>
          </>
        ) : c.status === 'approved' ? (
          <>
            <p class="notice">{t.statusApproved}</p>
            {props.threadLink ? <a href={props.threadLink}>{t.statusSeeIt}</a> : null}
          </>
        ) : (
          <p>{t.statusNotPublished}</p>
        )}
      </div>
    </Layout>
  );
}

/** The page an unsubscribe link opens: a confirmation button, then the result. */
export function UnsubscribePage(props: {
  ctx: PageContext;
  email: string | null;
  done: boolean;
  token: string;
}) {
  const { ctx } = props;
  const t = commentStringsFor(ctx.site.locale);
  return (
    <Layout
      ctx={ctx}
      title={`${t.unsubscribeTitle} — ${ctx.site.siteName}`}
      robots="noindex, nofollow"
    >
      <div class="panel">
        <h1>{t.unsubscribeTitle}</h1>
        {props.email === null ? (
          <p class="alert">{t.linkInvalid}</p>
        ) : props.done ? (
          <p class="notice">{t.unsubscribeDone}</p>
        ) : (
          <form
            method="post"
            action={`/commentaires/desabonnement?jeton=${encodeURIComponent(props.token)}`}
          >
            <p>{t.unsubscribeAsk(props.email)}</p>
            <button type="submit">{t.unsubscribeButton}</button>
          </form>
        )}
      </div>
    </Layout>
  );
}
