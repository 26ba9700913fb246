import { AdminLayout } from '../admin/admin-layout.tsx';
import type { ArticleSummary } from '../articles/article.ts';
import type { Locale } from '../settings/site-settings.ts';
import { formatDateTime, nextDay } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { RECENT_DAYS } from './short-link-stats.ts';
import {
  articleMessage,
  dailyDigest,
  digestEntry,
  digestHeading,
  shortLinkPath,
} from './whatsapp-message.ts';

const fr = {
  title: 'Canal WhatsApp',
  intro:
    'Des textes prêts à coller dans la chaîne WhatsApp de la rédaction. Les liens courts mènent à l’édition légère de chaque article et comptent les visites venues de WhatsApp (sans cookie ni donnée personnelle ; les robots ne comptent pas).',
  visitsToday: (n: number) => `Visites par les liens courts aujourd’hui : ${n}`,
  digest: 'Résumé du jour',
  digestOf: (date: string) => `Résumé du ${date}`,
  digestLabel: 'Texte du résumé',
  choose: 'Articles du résumé',
  update: 'Mettre à jour le résumé',
  messages: 'Un message par article',
  messageLabel: (title: string) => `Message pour « ${title} »`,
  copy: 'Copier',
  copyLabel: (what: string) => `Copier : ${what}`,
  copied: 'Copié\u202F!',
  copyFailed: 'Copie impossible\u00A0: sélectionnez le texte et copiez-le.',
  noScript: 'Sélectionnez le texte puis copiez-le.',
  empty: 'Aucun article publié aujourd’hui pour le moment.',
  emptyDay: 'Aucun article publié ce jour-là.',
  days: 'Jours',
  previousDay: '← Jour précédent',
  nextDay: 'Jour suivant →',
  backToday: 'Aujourd’hui',
  visits: (today: number, recent: number) =>
    `WhatsApp : ${today} visite${today > 1 ? 's' : ''} aujourd’hui, ${recent} sur ${RECENT_DAYS} jours`,
  published: (at: string) => `Publié le ${at}`,
};

const en: typeof fr = {
  title: 'WhatsApp channel',
  intro:
    'Texts ready to paste into the newsroom’s WhatsApp channel. Short links lead to each article’s light edition and count visits from WhatsApp (no cookie, no personal data; robots are not counted).',
  visitsToday: (n) => `Visits through short links today: ${n}`,
  digest: 'Today’s digest',
  digestOf: (date) => `Digest of ${date}`,
  digestLabel: 'Digest text',
  choose: 'Stories in the digest',
  update: 'Update the digest',
  messages: 'One message per article',
  messageLabel: (title) => `Message for “${title}”`,
  copy: 'Copy',
  copyLabel: (what) => `Copy: ${what}`,
  copied: 'Copied!',
  copyFailed: 'Could not copy: select the text and copy it.',
  noScript: 'Select the text, then copy it.',
  empty: 'No article published today yet.',
  emptyDay: 'No article was published that day.',
  days: 'Days',
  previousDay: '← Previous day',
  nextDay: 'Next day →',
  backToday: 'Today',
  visits: (today, recent) =>
    `WhatsApp: ${today} visit${today === 1 ? '' : 's'} today, ${recent} over ${RECENT_DAYS} days`,
  published: (at) => `Published ${at}`,
};

/** The WhatsApp strings of a locale. */
export function whatsappStringsFor(locale: Locale): typeof fr {
  return locale === 'en' ? en : fr;
}

/** One story on the page, with its short-link visits and whether the digest includes it. */
export interface ChannelArticle {
  article: ArticleSummary;
  visits: { today: number; recent: number };
  chosen: boolean;
}

/** A readonly text to paste and its « Copier » button (shown by whatsapp.js; without it, select). */
function CopyBox(props: { id: string; label: string; text: string; rows: number; locale: Locale }) {
  const s = whatsappStringsFor(props.locale);
  return (
    <div class="wa-copy">
      <label for={props.id}>{props.label}</label>
      <textarea id={props.id} readonly rows={props.rows} spellcheck={false}>
        {props.text}
      </textarea>
      <p class="wa-copy-actions">
        <button
          type="button"
          class="wa-copy-button"
          data-copy={props.id}
          aria-label={s.copyLabel(props.label)}
          hidden
        >
          {s.copy}
        </button>
        <output
          class="wa-copy-status"
          for={props.id}
          data-done={s.copied}
          data-failed={s.copyFailed}
        />
        <span class="wa-copy-hint">{s.noScript}</span>
      </p>
    </div>
  );
}

const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Links to the day before and after the one shown (never past today). */
function DayNav(props: { day: string; isToday: boolean; locale: Locale }) {
  const s = whatsappStringsFor(props.locale);
  const after = nextDay(props.day);
  return (
    <nav class="wa-days" aria-label={s.days}>
      <a href={`/admin/whatsapp?jour=${dayBefore(props.day)}`}>{s.previousDay}</a>
      {props.isToday ? null : (
        <>
          <a href={`/admin/whatsapp?jour=${after}`}>{s.nextDay}</a>
          <a href="/admin/whatsapp">{s.backToday}</a>
        </>
      )}
    </nav>
  );
}

/** The « Canal WhatsApp » page: the day's digest (stories to tick) and each article's message. */
export function WhatsappChannelPage(props: {
  ctx: PageContext;
  csrfToken: string;
  /** The day shown (`YYYY-MM-DD`), whether it is today, and the day as the newsroom writes it. */
  day: string;
  isToday: boolean;
  date: string;
  articles: ChannelArticle[];
}) {
  const { ctx, articles } = props;
  const { site } = ctx;
  const s = whatsappStringsFor(site.locale);
  const options = { publicUrl: ctx.publicUrl, locale: site.locale };
  const heading = digestHeading({ siteName: site.siteName, date: props.date }, site.locale);
  const chosen = articles.filter((a) => a.chosen).map((a) => a.article);
  const digest = dailyDigest({ heading, articles: chosen }, options);
  const today = articles.reduce((n, a) => n + a.visits.today, 0);
  return (
    <AdminLayout ctx={ctx} title={s.title} csrfToken={props.csrfToken}>
      <h1>{s.title}</h1>
      <p class="wa-intro">{s.intro}</p>
      <p class="wa-total">
        <strong>{s.visitsToday(today)}</strong>
      </p>
      <DayNav day={props.day} isToday={props.isToday} locale={site.locale} />
      {articles.length === 0 ? (
        <p class="wa-empty">{props.isToday ? s.empty : s.emptyDay}</p>
      ) : (
        <>
          <section class="wa-digest" aria-labelledby="wa-digest-title">
            <h2 id="wa-digest-title">{props.isToday ? s.digest : s.digestOf(props.date)}</h2>
            <div class="wa-digest-grid">
              <form method="get" action="/admin/whatsapp" class="wa-choose">
                <fieldset>
                  <legend>{s.choose}</legend>
                  <input type="hidden" name="selection" value="1" />
                  {props.isToday ? null : <input type="hidden" name="jour" value={props.day} />}
                  <ul>
                    {articles.map(({ article: a, visits, chosen: ticked }) => (
                      <li>
                        <label>
                          <input
                            type="checkbox"
                            name="choix"
                            value={String(a.id)}
                            checked={ticked}
                            data-entry={digestEntry(a, options)}
                          />{' '}
                          <span>{a.title}</span>
                        </label>{' '}
                        <small>{s.visits(visits.today, visits.recent)}</small>
                      </li>
                    ))}
                  </ul>
                  <button type="submit" class="wa-update">
                    {s.update}
                  </button>
                </fieldset>
              </form>
              <div data-heading={heading}>
                <CopyBox
                  id="wa-digest-text"
                  label={s.digestLabel}
                  text={digest}
                  rows={14}
                  locale={site.locale}
                />
              </div>
            </div>
          </section>
          <section class="wa-messages" aria-labelledby="wa-messages-title">
            <h2 id="wa-messages-title">{s.messages}</h2>
            <ol class="wa-list">
              {articles.map(({ article: a, visits }) => (
                <li class="wa-item" id={`article-${a.id}`}>
                  <h3>
                    <a href={`/admin/articles/${a.id}`}>{a.title}</a>
                  </h3>
                  <p class="wa-meta">
                    {a.section.name} ·{' '}
                    {s.published(
                      formatDateTime(a.publishedAt, {
                        locale: site.locale,
                        timeZone: site.timeZone,
                      }),
                    )}{' '}
                    {/* Not a link: the desk's own taps would count as readers' visits. */}·{' '}
                    <code>{shortLinkPath(a.id)}</code> ·{' '}
                    <strong>{s.visits(visits.today, visits.recent)}</strong>
                  </p>
                  <CopyBox
                    id={`wa-message-${a.id}`}
                    label={s.messageLabel(a.title)}
                    text={articleMessage(a, options)}
                    rows={6}
                    locale={site.locale}
                  />
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
      <script src={ctx.assets.whatsappJs.url} defer />
    </AdminLayout>
  );
}
