import { AdminLayout } from '../admin/admin-layout.tsx';
import { formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { typeset } from '../web/typography.ts';
import type { Locale } from '../settings/site-settings.ts';
import { countByReason, type ReportedComment } from './comment-report.ts';
import { commentReportStringsFor } from './comment-report.strings.ts';
import { CommentText } from './comment-text.tsx';

const fr = {
  title: 'Commentaires signalés',
  back: '← File de modération',
  intro:
    'Commentaires publiés que des lecteurs ont signalés, les plus signalés d’abord. Gardez-les en ligne (les signalements sont classés) ou dépubliez-les (rejetés : ils quittent la page de l’article).',
  none: 'Aucun signalement en attente.',
  count: (n: number) => (n === 1 ? '1 signalement' : `${n} signalements`),
  on: 'Sur',
  deletedArticle: '(article supprimé)',
  statusNote: (status: string) => `Déjà retiré (${status}) : classez les signalements.`,
  keep: 'Garder publié',
  unpublish: 'Dépublier',
  reports: 'Signalements',
  done: {
    kept: 'Signalements classés : le commentaire reste publié.',
    unpublished: 'Commentaire dépublié.',
  },
  already: 'Ce commentaire a changé entre-temps : voyez son état ci-dessous.',
  reasonForUnpublish: 'Signalé par des lecteurs',
  statusWord: { pending: 'en attente', approved: 'publié', rejected: 'rejeté', spam: 'spam' },
};

const en: typeof fr = {
  title: 'Reported comments',
  back: '← Moderation queue',
  intro:
    'Published comments readers reported, the most reported first. Keep them online (the reports are closed) or unpublish them (rejected: they leave the article page).',
  none: 'No report waiting.',
  count: (n: number) => (n === 1 ? '1 report' : `${n} reports`),
  on: 'On',
  deletedArticle: '(deleted article)',
  statusNote: (status: string) => `Already removed (${status}): close the reports.`,
  keep: 'Keep published',
  unpublish: 'Unpublish',
  reports: 'Reports',
  done: {
    kept: 'Reports closed: the comment stays published.',
    unpublished: 'Comment unpublished.',
  },
  already: 'This comment changed meanwhile: see its state below.',
  reasonForUnpublish: 'Reported by readers',
  statusWord: { pending: 'pending', approved: 'published', rejected: 'rejected', spam: 'spam' },
};

/** The reports page's strings in the newsroom's language. */
export function reportAdminStrings(locale: Locale): typeof fr {
  return locale === 'en' ? en : fr;
}

/** Reported comments with their reports (reasons, counts, dates), and what to do with each. */
export function ReportedCommentsPage(p: {
  ctx: PageContext;
  csrfToken: string;
  items: ReportedComment[];
  flash: 'kept' | 'unpublished' | 'already' | undefined;
}) {
  const locale = p.ctx.site.locale;
  const t = reportAdminStrings(locale);
  const r = commentReportStringsFor(locale);
  const when = (iso: string) => formatDateTime(iso, p.ctx.site);
  return (
    <AdminLayout ctx={p.ctx} title={t.title} csrfToken={p.csrfToken}>
      <p>
        <a href="/admin/moderation">{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      {p.flash ? (
        <p class="notice" role="status">
          {p.flash === 'already' ? t.already : t.done[p.flash]}
        </p>
      ) : null}
      <p class="hint">{typeset(t.intro, locale)}</p>
      {p.items.length ? null : <p>{t.none}</p>}
      <ol class="mod-list">
        {p.items.map((c) => (
          <li>
            <article class="mod-item" id={`c-${c.id}`} aria-labelledby={`c-${c.id}-who`}>
              <header>
                <strong id={`c-${c.id}-who`}>{c.authorName}</strong>{' '}
                <a href={`mailto:${c.authorEmail}`}>{c.authorEmail}</a>{' '}
                <span class="badge badge-report">{t.count(c.reports.length)}</span>
              </header>
              <p class="meta">
                {t.on}{' '}
                {c.article.path ? (
                  <a href={c.article.path}>{c.article.title}</a>
                ) : (
                  <span>
                    {c.article.title} {t.deletedArticle}
                  </span>
                )}
                {' · '}
                <time datetime={c.createdAt}>{when(c.createdAt)}</time>
              </p>
              <div class="comment-body">
                <CommentText body={c.body} />
              </div>
              <p class="rule-badges">
                {countByReason(c.reports).map((x) => (
                  <span class="badge badge-report">
                    {r.reasons[x.reason]} × {x.count}
                  </span>
                ))}
              </p>
              <details class="mod-audit" open>
                <summary>
                  {t.reports} ({c.reports.length})
                </summary>
                <ol>
                  {c.reports.map((x) => (
                    <li>
                      <time datetime={x.createdAt}>{when(x.createdAt)}</time> —{' '}
                      {r.reasons[x.reason]}
                      {x.note ? typeset(` : « ${x.note} »`, locale) : ''}
                    </li>
                  ))}
                </ol>
              </details>
              {c.status !== 'approved' ? (
                <p class="meta">{typeset(t.statusNote(t.statusWord[c.status]), locale)}</p>
              ) : null}
              <form
                method="post"
                action={`/admin/moderation/commentaires/${c.id}/signalements`}
                class="mod-actions"
              >
                <input type="hidden" name="_csrf" value={p.csrfToken} />
                <button type="submit" name="action" value="garder" class="btn-approve">
                  {t.keep}
                </button>
                {c.status === 'approved' ? (
                  <button type="submit" name="action" value="depublier" class="btn-reject">
                    {t.unpublish}
                  </button>
                ) : null}
              </form>
            </article>
          </li>
        ))}
      </ol>
    </AdminLayout>
  );
}
