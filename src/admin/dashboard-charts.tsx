import type { Locale } from '../settings/site-settings.ts';
import { DailyChart } from '../web/daily-chart.tsx';
import { newsroomDay, newsroomDayBounds, nextDay } from '../web/dates.ts';
import { SHORT_MONTHS as MONTHS } from '../web/dates.ts';

/** How many days the publishing chart covers, today included. */
export const PUBLISHED_DAYS = 30;

/** Articles published on one newsroom day. */
export interface DayCount {
  day: string;
  count: number;
}

/** The age bands of the comments waiting, youngest first: their lower bound in hours. */
export const AGE_BANDS_HOURS = [0, 1, 6, 24, 72] as const;

/** Comments waiting, per age band (same order as AGE_BANDS_HOURS). */
export interface PendingByAge {
  counts: number[];
  total: number;
  /** The oldest one's age, worded (« 3 j 4 h »), null when none waits. */
  oldestAge: string | null;
}

/** The first instant of the publishing chart: midnight, PUBLISHED_DAYS − 1 newsroom days ago. */
export function publishedChartStart(now: Date, timeZone: string): Date {
  const back = new Date(now.getTime() - (PUBLISHED_DAYS - 1) * 86_400_000);
  return newsroomDayBounds(back, timeZone).from;
}

/** Counts publication times per newsroom day over the chart's days, a day without any at 0. */
export function countPerDay(times: string[], now: Date, timeZone: string): DayCount[] {
  const start = publishedChartStart(now, timeZone);
  const today = newsroomDay(now.toISOString(), timeZone);
  const counts = new Map<string, number>();
  for (let day = newsroomDay(start.toISOString(), timeZone); day <= today; day = nextDay(day))
    counts.set(day, 0);
  for (const at of times) {
    const day = newsroomDay(at, timeZone);
    if (counts.has(day)) counts.set(day, counts.get(day)! + 1);
  }
  return [...counts].map(([day, count]) => ({ day, count }));
}

/** The instants that bound the age bands, youngest first: now − 1 h, now − 6 h… */
export function ageBandEdges(now: Date): Date[] {
  return AGE_BANDS_HOURS.slice(1).map((h) => new Date(now.getTime() - h * 3_600_000));
}

/**
 * Comments per age band from the counts written at or after each edge (youngest edge first)
 * and the total waiting.
 */
export function bandsFromCounts(sinceEdges: number[], total: number): number[] {
  const cumulative = [...sinceEdges, total];
  return cumulative.map((n, i) => n - (i ? cumulative[i - 1]! : 0));
}

const nb = '\u00A0';
const fr = {
  title: 'En chiffres',
  shortDay: (day: string) =>
    `${Number(day.slice(8))}${nb}${MONTHS.fr[Number(day.slice(5, 7)) - 1]}`,
  published: 'Articles publiés par jour',
  publishedTitle: `Articles publiés par jour, ${PUBLISHED_DAYS} derniers jours`,
  publishedSummary: (total: number, best: DayCount | undefined, shortDay: string) =>
    total
      ? `Le plus : ${best!.count} le ${shortDay} ; ${total} article${total > 1 ? 's' : ''} en ${PUBLISHED_DAYS}${nb}jours, ${(total / PUBLISHED_DAYS).toFixed(1).replace('.', ',')} par jour en moyenne.`
      : `Aucun article publié ces ${PUBLISHED_DAYS}${nb}derniers jours.`,
  dayBar: (day: string, n: number) => `${day} : ${n} article${n > 1 ? 's' : ''}`,
  day: 'Jour',
  articles: 'Articles',
  pending: 'Commentaires en attente, par ancienneté',
  pendingTitle: 'Commentaires en attente de modération, par ancienneté',
  pendingSummary: (total: number, oldest: string | null) =>
    total
      ? `${total} commentaire${total > 1 ? 's' : ''} en attente ; le plus ancien attend depuis ${oldest}.`
      : 'Aucun commentaire en attente.',
  bands: ['moins d’1 h', '1 à 6 h', '6 à 24 h', '1 à 3 j', 'plus de 3 j'],
  bandBar: (band: string, n: number) => `${band} : ${n} commentaire${n > 1 ? 's' : ''}`,
  age: 'Attend depuis',
  comments: 'Commentaires',
  figures: 'Les chiffres',
  moderate: 'Modérer',
  number: (n: number) => n.toLocaleString('fr-FR').replace(/\u202F/g, nb),
};

const en: typeof fr = {
  title: 'At a glance',
  shortDay: (day) => `${MONTHS.en[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8))}`,
  published: 'Articles published per day',
  publishedTitle: `Articles published per day, last ${PUBLISHED_DAYS} days`,
  publishedSummary: (total, best, shortDay) =>
    total
      ? `Most: ${best!.count} on ${shortDay}; ${total} article${total > 1 ? 's' : ''} in ${PUBLISHED_DAYS} days, ${(total / PUBLISHED_DAYS).toFixed(1)} a day on average.`
      : `No article published in the last ${PUBLISHED_DAYS} days.`,
  dayBar: (day, n) => `${day}: ${n} article${n > 1 ? 's' : ''}`,
  day: 'Day',
  articles: 'Articles',
  pending: 'Comments waiting, by age',
  pendingTitle: 'Comments waiting for moderation, by age',
  pendingSummary: (total, oldest) =>
    total
      ? `${total} comment${total > 1 ? 's' : ''} waiting; the oldest has waited ${oldest}.`
      : 'No comment waiting.',
  bands: ['under 1 h', '1 to 6 h', '6 to 24 h', '1 to 3 days', 'over 3 days'],
  bandBar: (band, n) => `${band}: ${n} comment${n > 1 ? 's' : ''}`,
  age: 'Waiting for',
  comments: 'Comments',
  figures: 'The figures',
  moderate: 'Moderate',
  number: (n) => n.toLocaleString('en-GB'),
};

/** A chart's text alternative: the figures in a table, folded under the chart. */
function FiguresTable(props: {
  caption: string;
  head: [string, string];
  rows: [string, number][];
  summary: string;
  format: (n: number) => string;
}) {
  return (
    <details class="chart-figures">
      <summary>{props.summary}</summary>
      <table class="chart-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.head[0]}</th>
            <th scope="col" class="num">
              {props.head[1]}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(([label, n]) => (
            <tr>
              <th scope="row">{label}</th>
              <td class="num">{props.format(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * The desk chief's morning figures: articles published per day over the last 30 days and the
 * comments waiting by age, each as a server-drawn SVG chart with a sentence and a table for
 * those who do not see it. « Les plus lus » is its own block (articles/article-views.pages.tsx).
 */
export function DashboardCharts(props: {
  locale: Locale;
  published?: DayCount[] | undefined;
  pending?: PendingByAge | undefined;
}) {
  const l = props.locale === 'en' ? en : fr;
  const { published, pending } = props;
  if (!published && !pending) return null;
  let publishedSummary = '';
  if (published) {
    const total = published.reduce((sum, d) => sum + d.count, 0);
    const best = published.reduce<DayCount | undefined>(
      (b, d) => (d.count > (b?.count ?? 0) ? d : b),
      undefined,
    );
    publishedSummary = l.publishedSummary(total, best, best ? l.shortDay(best.day) : '');
  }
  return (
    <section id="en-chiffres" class="dashboard-charts" aria-labelledby="en-chiffres-titre">
      <h2 id="en-chiffres-titre">{l.title}</h2>
      <div class="dashboard-chart-grid">
        {published ? (
          <figure class="dashboard-chart" id="publies-par-jour">
            <figcaption>{l.published}</figcaption>
            <DailyChart
              id="graphique-publies"
              title={l.publishedTitle}
              description={publishedSummary}
              barName={l.articles}
              format={l.number}
              days={published.map((d) => ({
                label: l.shortDay(d.day),
                tooltip: l.dayBar(l.shortDay(d.day), d.count),
                bar: d.count,
              }))}
            />
            <FiguresTable
              caption={l.publishedTitle}
              head={[l.day, l.articles]}
              rows={published.map((d) => [l.shortDay(d.day), d.count])}
              summary={publishedSummary}
              format={l.number}
            />
          </figure>
        ) : null}
        {pending ? (
          <figure class="dashboard-chart" id="commentaires-par-age">
            <figcaption>
              {l.pending} — <a href="/admin/moderation">{l.moderate}</a>
            </figcaption>
            <DailyChart
              id="graphique-attente"
              title={l.pendingTitle}
              description={l.pendingSummary(pending.total, pending.oldestAge)}
              barName={l.comments}
              format={l.number}
              days={pending.counts.map((n, i) => ({
                label: l.bands[i]!,
                tooltip: l.bandBar(l.bands[i]!, n),
                bar: n,
              }))}
            />
            <FiguresTable
              caption={l.pendingTitle}
              head={[l.age, l.comments]}
              rows={pending.counts.map((n, i) => [l.bands[i]!, n])}
              summary={l.pendingSummary(pending.total, pending.oldestAge)}
              format={l.number}
            />
          </figure>
        ) : null}
      </div>
    </section>
  );
}
