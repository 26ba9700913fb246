import { AdminLayout } from '../admin/admin-layout.tsx';
import { DailyChart } from '../web/daily-chart.tsx';
import { formatDateTime, SHORT_MONTHS } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import type { ModerationModelRow } from './classifier/classifier.table.ts';
import { STATS_DAYS, type DayWait, type DecisionsByDay } from './moderation-stats.ts';

const nb = '\u00A0';

const fr = {
  title: 'Modération : comment elle travaille',
  back: 'Retour à la file',
  classifier: 'Le tri automatique',
  active: (version: number, when: string) =>
    `Actif : modèle n°${nb}${version}, entraîné le ${when}.`,
  examples: (acceptable: number, unwanted: number, corrections: number) =>
    `Appris de ${acceptable} commentaires approuvés et ${unwanted} refusés, dont ${corrections} correction${corrections > 1 ? 's' : ''} (décisions contraires à son score, comptées triple).`,
  measured: (n: number) => `Mesuré sur ${n} décisions passées mises de côté (jamais apprises) :`,
  precision: (p: string) =>
    `précision ${p} — parmi les commentaires qu’il dit indésirables, la part qui l’était vraiment ;`,
  recall: (r: string) => `rappel ${r} — parmi les indésirables, la part qu’il repère.`,
  inactive: (acceptable: number, unwanted: number, needed: number) =>
    `Inactif : il lui faut ${needed} commentaires approuvés et ${needed} refusés par la rédaction ; il en a ${acceptable} et ${unwanted}.`,
  retrain: (n: number) =>
    `Il est réentraîné par le serveur dès que ${n} nouvelles décisions sont prises (au plus toutes les 10${nb}minutes).`,
  waiting: 'Attente dans la file',
  waitingTitle: `Attente des commentaires en file, par jour, ${STATS_DAYS} derniers jours`,
  waitingSummary: (worst: DayWait | undefined, day: string) =>
    worst && worst.maxHours > 0
      ? `L’attente la plus longue : ${hours(worst.maxHours)}, le ${day}`
      : 'Aucun commentaire n’a attendu ces derniers jours.',
  maxWait: 'Attente la plus longue (heures)',
  medianWait: 'Attente médiane (heures)',
  decisions: 'Décisions par modérateur',
  decisionsTitle: `Décisions de modération par jour, ${STATS_DAYS} derniers jours`,
  decisionsSummary: (total: number) =>
    total
      ? `${total} décision${total > 1 ? 's' : ''} en ${STATS_DAYS}${nb}jours.`
      : 'Aucune décision ces derniers jours.',
  decisionsAxis: 'Décisions',
  day: 'Jour',
  total: 'Total',
  figures: 'Les chiffres',
  shortDay: (day: string) =>
    `${Number(day.slice(8))}${nb}${SHORT_MONTHS.fr[Number(day.slice(5, 7)) - 1]}`,
  percent: (x: number) => `${Math.round(x * 1000) / 10}`.replace('.', ',') + `${nb}%`,
  hours: (h: number) => (Math.round(h * 10) / 10).toString().replace('.', ','),
};

const hours = (h: number) => `${fr.hours(h)}${nb}h`;

const en: typeof fr = {
  title: 'Moderation: how it works',
  back: 'Back to the queue',
  classifier: 'Automatic sorting',
  active: (version, when) => `On: model no. ${version}, trained on ${when}.`,
  examples: (acceptable, unwanted, corrections) =>
    `Learnt from ${acceptable} approved and ${unwanted} refused comments, ${corrections} of them correction${corrections === 1 ? '' : 's'} (decisions against its score, counted three times).`,
  measured: (n) => `Measured on ${n} past decisions held out (never learnt):`,
  precision: (p) => `precision ${p} — of the comments it calls unwanted, the share that were;`,
  recall: (r) => `recall ${r} — of the unwanted comments, the share it finds.`,
  inactive: (acceptable, unwanted, needed) =>
    `Off: it needs ${needed} approved and ${needed} refused comments from the newsroom; it has ${acceptable} and ${unwanted}.`,
  retrain: (n) =>
    `The server retrains it once ${n} new decisions are taken (at most every 10 minutes).`,
  waiting: 'Waiting in the queue',
  waitingTitle: `How long comments waited, per day, last ${STATS_DAYS} days`,
  waitingSummary: (worst, day) =>
    worst && worst.maxHours > 0
      ? `Longest wait: ${en.hours(worst.maxHours)} h, on ${day}`
      : 'No comment waited in the last days.',
  maxWait: 'Longest wait (hours)',
  medianWait: 'Median wait (hours)',
  decisions: 'Decisions per moderator',
  decisionsTitle: `Moderation decisions per day, last ${STATS_DAYS} days`,
  decisionsSummary: (total) =>
    total
      ? `${total} decision${total > 1 ? 's' : ''} in ${STATS_DAYS} days.`
      : 'No decision in the last days.',
  decisionsAxis: 'Decisions',
  day: 'Day',
  total: 'Total',
  figures: 'The figures',
  shortDay: (day) => `${SHORT_MONTHS.en[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8))}`,
  percent: (x) => `${Math.round(x * 1000) / 10}%`,
  hours: (h) => (Math.round(h * 10) / 10).toString(),
};

/** Everything the desk's page shows. */
export interface ModerationStatsProps {
  ctx: PageContext;
  csrfToken: string;
  model: Omit<ModerationModelRow, 'model'> | undefined;
  counts: { acceptable: number; unwanted: number };
  needed: number;
  newDecisions: number;
  waits: DayWait[];
  decisions: DecisionsByDay;
}

/** The desk's page: the classifier's state and figures, the queue's age, decisions per moderator. */
export function ModerationStatsPage(p: ModerationStatsProps) {
  const { ctx } = p;
  const l = ctx.site.locale === 'en' ? en : fr;
  const m = p.model;
  const worst = p.waits.reduce<DayWait | undefined>(
    (w, d) => (d.maxHours > (w?.maxHours ?? 0) ? d : w),
    undefined,
  );
  const waitSummary = l.waitingSummary(worst, worst ? l.shortDay(worst.day) : '');
  const total = p.decisions.days.reduce((s, d) => s + d.total, 0);
  return (
    <AdminLayout ctx={ctx} title={l.title} csrfToken={p.csrfToken}>
      <h1>{l.title}</h1>
      <p>
        <a href="/admin/moderation">← {l.back}</a>
      </p>
      <section aria-labelledby="tri-titre" class="mod-stats-block" id="tri-automatique">
        <h2 id="tri-titre">{l.classifier}</h2>
        {m ? (
          <>
            <p>
              <strong>{l.active(m.version, formatDateTime(m.trained_at, ctx.site))}</strong>{' '}
              {l.examples(m.acceptable_examples, m.unwanted_examples, m.corrections)}
            </p>
            <p>{l.measured(m.held_out)}</p>
            <ul class="mod-stats-figures">
              <li id="precision">{l.precision(l.percent(m.precision))}</li>
              <li id="rappel">{l.recall(l.percent(m.recall))}</li>
            </ul>
          </>
        ) : (
          <p>
            <strong>{l.inactive(p.counts.acceptable, p.counts.unwanted, p.needed)}</strong>
          </p>
        )}
        <p class="hint">{l.retrain(p.newDecisions)}</p>
      </section>
      <div class="dashboard-chart-grid mod-stats-grid">
        <figure class="dashboard-chart" id="attente-file">
          <figcaption>{l.waiting}</figcaption>
          <DailyChart
            id="graphique-attente-file"
            title={l.waitingTitle}
            description={waitSummary}
            barName={l.maxWait}
            lineName={l.medianWait}
            format={l.hours}
            days={p.waits.map((d) => ({
              label: l.shortDay(d.day),
              tooltip: `${l.shortDay(d.day)} : ${l.hours(d.maxHours)} / ${l.hours(d.medianHours)}`,
              bar: d.maxHours,
              line: d.medianHours,
            }))}
          />
          <details class="chart-figures">
            <summary>{waitSummary}</summary>
            <table class="chart-table">
              <caption>{l.waitingTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{l.day}</th>
                  <th scope="col" class="num">
                    {l.maxWait}
                  </th>
                  <th scope="col" class="num">
                    {l.medianWait}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.waits.map((d) => (
                  <tr>
                    <th scope="row">{l.shortDay(d.day)}</th>
                    <td class="num">{l.hours(d.maxHours)}</td>
                    <td class="num">{l.hours(d.medianHours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
        <figure class="dashboard-chart" id="decisions-moderateurs">
          <figcaption>{l.decisions}</figcaption>
          <DailyChart
            id="graphique-decisions"
            title={l.decisionsTitle}
            description={l.decisionsSummary(total)}
            barName={l.decisionsAxis}
            format={String}
            days={p.decisions.days.map((d) => ({
              label: l.shortDay(d.day),
              tooltip: `${l.shortDay(d.day)} : ${d.total}`,
              bar: d.total,
            }))}
          />
          <div class="mod-stats-table">
            <table class="chart-table">
              <caption>{l.decisionsTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{l.day}</th>
                  {p.decisions.moderators.map((name) => (
                    <th scope="col" class="num">
                      {name}
                    </th>
                  ))}
                  <th scope="col" class="num">
                    {l.total}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.decisions.days.map((d) => (
                  <tr>
                    <th scope="row">{l.shortDay(d.day)}</th>
                    {d.byModerator.map((n) => (
                      <td class="num">{n}</td>
                    ))}
                    <td class="num">{d.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </figure>
      </div>
    </AdminLayout>
  );
}
