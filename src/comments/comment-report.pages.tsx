import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { template } from '../web/render.ts';
import { typeset } from '../web/typography.ts';
import { NOTE_MAX, reportReasons, type ReportReason } from './comment-report.ts';
import { commentReportStringsFor } from './comment-report.strings.ts';
import { CommentText } from './comment-text.tsx';

/** The « Signaler » link under each published comment: a plain link, tiny in the page. */
export function ReportLink(props: { ctx: PageContext; id: number; authorName: string }) {
  const t = commentReportStringsFor(props.ctx.site.locale);
  // A template: it is under every comment of a thread (see `template`).
  return template`<a class="comment-report" href="/commentaires/${props.id}/signaler" rel="nofollow" aria-label="${t.linkLabel(props.authorName)}">${t.link}</a>`;
}

/** The report form (works without script), or the thanks once sent. */
export function ReportPage(p: {
  ctx: PageContext;
  csrfToken: string;
  comment: { id: number; authorName: string; body: string };
  threadLink: string | null;
  sent: boolean;
  values: { reason: ReportReason | ''; note: string };
  error?: 'reasonMissing' | 'wrongOrigin' | 'tooMany' | undefined;
}) {
  const { ctx, comment: c } = p;
  const locale = ctx.site.locale;
  const t = commentReportStringsFor(locale);
  const body = c.body.length > 600 ? `${c.body.slice(0, 600)}…` : c.body;
  return (
    <Layout ctx={ctx} title={`${t.title} — ${ctx.site.siteName}`} robots="noindex, nofollow">
      <div class="panel wide report-page">
        <h1>{t.title}</h1>
        {p.sent ? (
          <p class="notice" role="status">
            {typeset(t.thanks, locale)}
          </p>
        ) : (
          <p>{typeset(t.intro, locale)}</p>
        )}
        <blockquote class="comment">
          <p class="meta">{t.by(c.authorName)}</p>
          <div class="comment-body">
            <CommentText body={body} />
          </div>
        </blockquote>
        {p.sent ? null : (
          <form method="post" action={`/commentaires/${c.id}/signaler`}>
            <input type="hidden" name="_csrf" value={p.csrfToken} />
            {p.error ? (
              <p class="alert" role="alert" id="erreur-signalement">
                {typeset(t[p.error], locale)}
              </p>
            ) : null}
            <label for="motif">{t.reason}</label>
            <select
              id="motif"
              name="reason"
              required
              aria-invalid={p.error === 'reasonMissing' ? 'true' : undefined}
              aria-describedby={p.error ? 'erreur-signalement' : undefined}
            >
              <option value="">{t.chooseReason}</option>
              {reportReasons.map((r) => (
                <option value={r} selected={p.values.reason === r}>
                  {t.reasons[r]}
                </option>
              ))}
            </select>
            <label for="precisions">{t.note}</label>
            <textarea
              id="precisions"
              name="note"
              rows={4}
              maxlength={NOTE_MAX}
              aria-describedby="aide-precisions"
            >
              {p.values.note}
            </textarea>
            <span class="hint" id="aide-precisions">
              {t.noteHint(NOTE_MAX)}
            </span>
            <p>
              <button type="submit">{t.send}</button>
            </p>
          </form>
        )}
        {p.threadLink ? <a href={p.threadLink}>{t.back}</a> : null}
      </div>
    </Layout>
  );
}
