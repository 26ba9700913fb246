import type { Locale } from '../settings/site-settings.ts';
import { DailyChart } from '../web/daily-chart.tsx';
import { articlePath } from './article.ts';
import type { MostReadRow } from './article-views.queries.ts';
import { SHORT_MONTHS as MONTHS } from '../web/dates.ts';

/** How many newsroom days the article's views chart covers, today included. */
export const VIEW_DAYS = 30;

const fr = {
  title: 'Lectures',
  chartTitle: `Lectures de l’article par jour, ${VIEW_DAYS} derniers jours`,
  summary: (total: number, all: number) =>
    all
      ? `${number.fr(total)} lecture${total > 1 ? 's' : ''} en ${VIEW_DAYS} jours, ${number.fr(all)} en tout.`
      : 'Aucune lecture comptée pour l’instant.',
  views: 'Lectures',
  day: 'Jour',
  dayBar: (day: string, n: number) => `${day} : ${number.fr(n)} lecture${n > 1 ? 's' : ''}`,
  shortDay: (day: string) => `${Number(day.slice(8))} ${MONTHS.fr[Number(day.slice(5, 7)) - 1]}`,
  figures: 'Les chiffres',
  how: 'Pages vues par des lecteurs (ni robots, ni préchargements, ni membres de la rédaction connectés), par jour de la rédaction ; les pages servies par un CDN sans passer par Griot ne sont pas comptées.',
  mostRead: 'Les plus lus',
  mostReadHint: 'Les 24 dernières heures, en pages vues.',
  mostReadEmpty: 'Aucune lecture comptée ces dernières 24 heures.',
  see: 'voir',
  viewsOf: (n: number) => `${number.fr(n)} lecture${n > 1 ? 's' : ''}`,
};

const en: typeof fr = {
  title: 'Views',
  chartTitle: `The article's views per day, last ${VIEW_DAYS} days`,
  summary: (total, all) =>
    all
      ? `${number.en(total)} view${total > 1 ? 's' : ''} in ${VIEW_DAYS} days, ${number.en(all)} in all.`
      : 'No view counted yet.',
  views: 'Views',
  day: 'Day',
  dayBar: (day, n) => `${day}: ${number.en(n)} view${n > 1 ? 's' : ''}`,
  shortDay: (day) => `${MONTHS.en[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8))}`,
  figures: 'The figures',
  how: 'Pages viewed by readers (no robots, prefetches or signed-in newsroom members), per newsroom day; pages a CDN serves without asking Griot are not counted.',
  mostRead: 'Most read',
  mostReadHint: 'The last 24 hours, in page views.',
  mostReadEmpty: 'No view counted in the last 24 hours.',
  see: 'view',
  viewsOf: (n) => `${number.en(n)} view${n > 1 ? 's' : ''}`,
};

const number = {
  fr: (n: number) => n.toLocaleString('fr-FR').replace(/\u202F/g, '\u00A0'),
  en: (n: number) => n.toLocaleString('en-GB'),
};

/** One newsroom day of an article's views (zero days included). */
export interface ViewDay {
  day: string;
  views: number;
}

/** An article's views per day over the last VIEW_DAYS days, on its newsroom page. */
export function ArticleViewsChart(props: { locale: Locale; days: ViewDay[]; total: number }) {
  const l = props.locale === 'en' ? en : fr;
  const recent = props.days.reduce((sum, d) => sum + d.views, 0);
  const summary = l.summary(recent, props.total);
  return (
    <section id="lectures" class="dashboard-chart" aria-labelledby="lectures-titre">
      <h2 id="lectures-titre">{l.title}</h2>
      <p class="hint">{summary}</p>
      <DailyChart
        id="graphique-lectures"
        title={l.chartTitle}
        description={summary}
        barName={l.views}
        format={number[props.locale]}
        days={props.days.map((d) => ({
          label: l.shortDay(d.day),
          tooltip: l.dayBar(l.shortDay(d.day), d.views),
          bar: d.views,
        }))}
      />
      <details>
        <summary>{l.figures}</summary>
        <table>
          <caption>{l.chartTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{l.day}</th>
              <th scope="col" class="num">
                {l.views}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.days
              .filter((d) => d.views > 0)
              .map((d) => (
                <tr>
                  <th scope="row">{l.shortDay(d.day)}</th>
                  <td class="num">{number[props.locale](d.views)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
      <p class="hint">{l.how}</p>
    </section>
  );
}

/** The dashboard's « Les plus lus »: the last 24 hours' top articles with their views. */
export function MostReadDashboardBlock(props: { locale: Locale; rows: MostReadRow[] }) {
  const l = props.locale === 'en' ? en : fr;
  return (
    <section id="les-plus-lus" class="dashboard-block">
      <h2>{l.mostRead}</h2>
      <p class="hint">{l.mostReadHint}</p>
      {props.rows.length ? (
        <ol>
          {props.rows.map((a) => (
            <li>
              <a href={`/admin/articles/${a.id}#lectures`}>{a.title}</a> — {l.viewsOf(a.views)} (
              <a href={articlePath(a)}>{l.see}</a>)
            </li>
          ))}
        </ol>
      ) : (
        <p>{l.mostReadEmpty}</p>
      )}
    </section>
  );
}
