import type { Child } from 'hono/jsx';
import type { ActivityItem, DashboardArticle } from '../articles/article-dashboard.queries.ts';
import { formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { AdminLayout } from './admin-layout.tsx';
import { revisionAuthorText, revisionNoteText } from '../articles/revision-notes.ts';
import type { AdAlerts } from '../ads/ad-alerts.ts';
import { AdAlertsBlock } from '../ads/ad-alerts.pages.tsx';
import { DashboardCharts, type DayCount, type PendingByAge } from './dashboard-charts.tsx';
import type { MostReadRow } from '../articles/article-views.queries.ts';
import { MostReadDashboardBlock } from '../articles/article-views.pages.tsx';

const strings = {
  fr: {
    review: 'En attente de relecture',
    reviewEmpty: 'Aucun brouillon soumis.',
    submitted: (who: string, when: string) => `soumis par ${who} le ${when}`,
    scheduled: 'Programmés',
    scheduledEmpty: 'Aucun article programmé.',
    scheduledAt: (when: string) => `en ligne le ${when}`,
    today: 'Publiés aujourd’hui',
    todayEmpty: 'Rien de publié aujourd’hui.',
    publishedAt: (when: string) => `publié le ${when}`,
    activity: 'Activité récente',
    activityEmpty: 'Aucune activité pour l’instant.',
    by: (who: string) => `par ${who}`,
    versions: 'versions',
    someone: 'auteur inconnu',
    note: (who: string, note: string) => `${who} : ${note}`,
  },
  en: {
    review: 'Waiting for review',
    reviewEmpty: 'No draft submitted.',
    submitted: (who: string, when: string) => `submitted by ${who} on ${when}`,
    scheduled: 'Scheduled',
    scheduledEmpty: 'No article scheduled.',
    scheduledAt: (when: string) => `goes live on ${when}`,
    today: 'Published today',
    todayEmpty: 'Nothing published today.',
    publishedAt: (when: string) => `published on ${when}`,
    activity: 'Recent activity',
    activityEmpty: 'No activity yet.',
    by: (who: string) => `by ${who}`,
    versions: 'versions',
    someone: 'unknown author',
    note: (who: string, note: string) => `${who}: ${note}`,
  },
};

/** The article blocks of the dashboard; `review` only for those who publish. */
export interface DashboardArticles {
  review?: DashboardArticle[] | undefined;
  scheduled: DashboardArticle[];
  publishedToday: DashboardArticle[];
  activity: ActivityItem[];
}

function Block(props: {
  id: string;
  title: string;
  empty: string;
  count: number;
  children?: Child;
}) {
  return (
    <section id={props.id} class="dashboard-block">
      <h2>
        {props.title} ({props.count})
      </h2>
      {props.count ? <ul>{props.children}</ul> : <p>{props.empty}</p>}
    </section>
  );
}

/** The newsroom's home: who is signed in, then what needs attention, by role. */
export function DashboardPage({
  ctx,
  csrfToken,
  moderation,
  articles,
  canSeeOutbox,
  ads,
  charts,
  mostRead,
}: {
  ctx: PageContext;
  csrfToken: string;
  /** Pending comments and the age of the oldest, for those who moderate. */
  moderation?: { pending: number; oldestAge: string | null } | undefined;
  /** What is happening to articles, for those who write or edit them. */
  articles?: DashboardArticles | undefined;
  canSeeOutbox: boolean;
  /** Campaigns ending soon or under-delivering, for those who manage ads. */
  ads?: AdAlerts | undefined;
  /** The morning figures: publishing per day (article writers), comments waiting by age (moderators). */
  charts?: { published?: DayCount[] | undefined; pending?: PendingByAge | undefined } | undefined;
  /** The last 24 hours' most-read articles, for those who write or edit. */
  mostRead?: MostReadRow[] | undefined;
}) {
  const { t, user } = ctx;
  if (!user) return null;
  const l = strings[ctx.site.locale];
  const when = (iso: string) => formatDateTime(iso, ctx.site);
  const link = (a: { id: number; title: string }) => (
    <a href={`/admin/articles/${a.id}`}>{a.title}</a>
  );
  return (
    <AdminLayout ctx={ctx} title={t.adminTitle} csrfToken={csrfToken}>
      <h1>{t.adminWelcome(user.name)}</h1>
      <dl class="facts">
        <dt>{t.adminSignedInAs}</dt>
        <dd>
          {user.name} ({user.email})
        </dd>
        <dt>{t.adminRole}</dt>
        <dd class="role">{t.roles[user.role]}</dd>
      </dl>
      <ul class="admin-links">
        {moderation ? (
          <li id="commentaires">
            <a href="/admin/moderation">{t.adminModeration}</a> —{' '}
            {moderation.pending
              ? t.adminPending(moderation.pending, moderation.oldestAge ?? '')
              : t.adminNothingPending}
          </li>
        ) : null}
        {canSeeOutbox ? (
          <li>
            <a href="/admin/courriels">{t.adminOutbox}</a>
          </li>
        ) : null}
        <li>
          <a href="/">{t.viewSite}</a>
        </li>
      </ul>
      {articles?.review ? (
        <Block id="relecture" title={l.review} empty={l.reviewEmpty} count={articles.review.length}>
          {articles.review.map((a) => (
            <li>
              {link(a)} — {l.submitted(a.authorName ?? l.someone, when(a.at))}
            </li>
          ))}
        </Block>
      ) : null}
      {charts ? <DashboardCharts locale={ctx.site.locale} {...charts} /> : null}
      {mostRead ? <MostReadDashboardBlock locale={ctx.site.locale} rows={mostRead} /> : null}
      {articles ? (
        <>
          <Block
            id="programmes"
            title={l.scheduled}
            empty={l.scheduledEmpty}
            count={articles.scheduled.length}
          >
            {articles.scheduled.map((a) => (
              <li>
                {link(a)} — {l.scheduledAt(when(a.at))}
                {a.authorName ? ` (${l.by(a.authorName)})` : null}
              </li>
            ))}
          </Block>
          <Block
            id="publies-aujourdhui"
            title={l.today}
            empty={l.todayEmpty}
            count={articles.publishedToday.length}
          >
            {articles.publishedToday.map((a) => (
              <li>
                {link(a)} — {l.publishedAt(when(a.at))}
              </li>
            ))}
          </Block>
          <Block
            id="activite"
            title={l.activity}
            empty={l.activityEmpty}
            count={articles.activity.length}
          >
            {articles.activity.map((r) => (
              <li>
                {when(r.editedAt)} —{' '}
                {l.note(
                  revisionAuthorText(r.editorName, ctx.site.locale),
                  revisionNoteText(r.note, ctx.site.locale),
                )}{' '}
                — {link({ id: r.articleId, title: r.title })} (
                <a href={`/admin/articles/${r.articleId}/versions`}>v{r.version}</a>)
              </li>
            ))}
          </Block>
        </>
      ) : null}
      {ads ? <AdAlertsBlock ctx={ctx} alerts={ads} /> : null}
    </AdminLayout>
  );
}
