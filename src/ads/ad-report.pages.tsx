import { AdminLayout } from '../admin/admin-layout.tsx';
import { SiteLogo } from '../web/components.tsx';
import { DailyChart } from '../web/daily-chart.tsx';
import { formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { clickThroughRate, type CampaignReport, type DayCount } from './ad-report.ts';
import { adReportStringsFor, type AdReportStrings } from './ad-report.strings.ts';
import { Link } from '../web/render.ts';

/** Where a campaign's pages live in the newsroom. */
export const campaignPath = (id: number) => `/admin/publicite/campagnes/${id}`;
export const reportPath = (id: number) => `${campaignPath(id)}/rapport`;
export const advertiserReportPath = (key: string) =>
  `/annonceurs/rapport/${encodeURIComponent(key)}`;

type Audience = 'newsroom' | 'advertiser';

interface Props {
  ctx: PageContext;
  report: CampaignReport;
}

/** The newsroom's report on a campaign: facts, totals, pace, chart, every day, CSV and links. */
export function CampaignReportPage(props: Props & { csrfToken: string }) {
  const { ctx, report } = props;
  const l = adReportStringsFor(ctx.site.locale);
  const { campaign } = report;
  return (
    <AdminLayout ctx={ctx} title={l.title(campaign.name)} csrfToken={props.csrfToken}>
      <Link rel="stylesheet" href={ctx.assets.adReportCss.url} />
      <div class="report">
        <p class="report-back">
          <a href={campaignPath(campaign.id)}>{l.back}</a>
        </p>
        <p class="report-kicker">{l.heading}</p>
        <h1>{campaign.name}</h1>
        <Facts {...props} l={l} />
        <Figures {...props} l={l} audience="newsroom" />
        <section class="report-share" aria-labelledby="lien-annonceur">
          <h2 id="lien-annonceur">{l.advertiserLink}</h2>
          <p>
            <a href={advertiserReportPath(campaign.reportKey)}>
              {ctx.publicUrl}
              {advertiserReportPath(campaign.reportKey)}
            </a>
          </p>
          <p class="hint">{l.advertiserLinkHint}</p>
        </section>
      </div>
    </AdminLayout>
  );
}

/**
 * The advertiser's read-only report: the same figures, without the newsroom's navigation or
 * internal flags, in a frame of its own that prints on A4.
 */
export function AdvertiserReportPage(props: Props) {
  const { ctx, report } = props;
  const { site } = ctx;
  const l = adReportStringsFor(site.locale);
  const { campaign } = report;
  return (
    <html lang={site.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${l.title(campaign.name)} — ${site.siteName}`}</title>
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <Link rel="stylesheet" href={ctx.assets.css.url} />
        <Link rel="stylesheet" href={ctx.assets.adReportCss.url} />
        <Link rel="icon" href={ctx.assets.favicon.url} type="image/svg+xml" />
      </head>
      <body class="report-document">
        <header class="masthead">
          <div class="wrap">
            {ctx.logo ? (
              <span class="brand brand-with-logo">
                <SiteLogo logo={ctx.logo} alt={site.siteName} />
              </span>
            ) : (
              <span class="brand">{site.siteName}</span>
            )}
            {site.tagline ? <p class="tagline">{site.tagline}</p> : null}
          </div>
        </header>
        <main id="contenu">
          <div class="wrap report">
            <p class="report-kicker">{l.heading}</p>
            <h1>{campaign.name}</h1>
            <Facts {...props} l={l} />
            <Figures {...props} l={l} audience="advertiser" />
          </div>
        </main>
        <footer class="report-foot">
          <div class="wrap">
            <p>
              {l.preparedBy(site.siteName, formatDateTime(report.generatedAt, site))}{' '}
              {site.contactEmail ? (
                <>
                  {l.contact} <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
                </>
              ) : null}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function Facts({ ctx, report, l }: Props & { l: AdReportStrings }) {
  const { campaign } = report;
  const when = (iso: string) => formatDateTime(iso, ctx.site);
  return (
    <>
      <dl class="facts report-facts">
        <dt>{l.advertiser}</dt>
        <dd>{campaign.advertiserName}</dd>
        <dt>{l.dates}</dt>
        <dd>
          {campaign.endsAt
            ? l.fromTo(when(campaign.startsAt), when(campaign.endsAt))
            : l.fromOpen(when(campaign.startsAt))}
        </dd>
        <dt>{l.slots}</dt>
        <dd>{report.slots.length ? report.slots.join(', ') : l.noSlots}</dd>
        <dt>{l.sections}</dt>
        <dd>
          {campaign.allSections
            ? l.allSections
            : report.sections.length
              ? report.sections.join(', ')
              : l.noSections}
        </dd>
        <dt>{l.status}</dt>
        <dd class="report-phase">{l.phases[report.phase]}</dd>
      </dl>
      <p class="hint report-as-of">
        {l.asOf(formatDateTime(report.generatedAt, ctx.site))} {l.timeZone(ctx.site.timeZone)}
      </p>
    </>
  );
}

function Figures({ report, l, audience }: Props & { l: AdReportStrings; audience: Audience }) {
  const { delivery } = report;
  return (
    <>
      {audience === 'newsroom' && delivery.underDelivering ? (
        <p class="alert report-alert" role="status">
          {l.underDelivery(l.number(delivery.impressions), l.number(delivery.expectedToDate ?? 0))}
        </p>
      ) : null}
      <section aria-labelledby="totaux">
        <h2 id="totaux">{l.totals}</h2>
        <dl class="report-totals">
          <div>
            <dt>{l.impressions}</dt>
            <dd>{l.number(delivery.impressions)}</dd>
          </div>
          <div>
            <dt>{l.clicks}</dt>
            <dd>{l.number(delivery.clicks)}</dd>
          </div>
          <div>
            <dt>{l.ctr}</dt>
            <dd>{l.rate(delivery.ctr)}</dd>
          </div>
        </dl>
      </section>
      <Pace report={report} l={l} />
      <section aria-labelledby="jour-par-jour">
        <h2 id="jour-par-jour">{l.byDay}</h2>
        {report.days.length === 0 ? (
          <p>{l.noDays}</p>
        ) : (
          <>
            <figure class="report-chart">
              <DailyChart
                id={`graphique-${report.campaign.id}`}
                title={l.chartTitle(report.campaign.name)}
                description={chartDescription(report.days, l)}
                barName={l.chartImpressions}
                lineName={l.chartClicks}
                format={l.number}
                days={report.days.map((d) => ({
                  label: l.shortDay(d.day),
                  tooltip: l.chartBar(l.day(d.day), l.number(d.impressions), l.number(d.clicks)),
                  bar: d.impressions,
                  line: d.clicks,
                }))}
              />
            </figure>
            {audience === 'newsroom' ? (
              <p class="report-actions">
                <a href={`${reportPath(report.campaign.id)}.csv`}>{l.csv}</a>
              </p>
            ) : null}
            <DayTable report={report} l={l} />
          </>
        )}
      </section>
    </>
  );
}

function Pace({ report, l }: { report: CampaignReport; l: AdReportStrings }) {
  const { campaign, delivery } = report;
  const shares = [
    delivery.capShare === null ? null : l.deliveredShare(l.percent(delivery.capShare)),
    delivery.timeShare === null ? null : l.elapsedShare(l.percent(delivery.timeShare)),
  ].filter((s) => s !== null);
  // The sentence above says it all; the bars only show it, so screen readers skip them.
  const meter = (share: number, kind: string, label: string) => (
    <div class={`report-meter report-meter-${kind}`}>
      <span class="report-meter-label">{label}</span>
      <span class="report-meter-bar">
        <span style={`width:${Math.round(Math.min(1, share) * 1000) / 10}%`} />
      </span>
      <span class="report-meter-value">{l.percent(share)}</span>
    </div>
  );
  return (
    <section aria-labelledby="livraison">
      <h2 id="livraison">{l.delivery}</h2>
      {report.phase === 'scheduled' || report.phase === 'draft' ? <p>{l.notStarted}</p> : null}
      {shares.length ? (
        <p class="report-pace">
          <strong>{shares.join(', ')}</strong>
        </p>
      ) : null}
      {shares.length ? (
        <div class="report-meters" aria-hidden="true">
          {delivery.capShare !== null
            ? meter(delivery.capShare, 'delivered', l.meterDelivered)
            : null}
          {delivery.timeShare !== null
            ? meter(delivery.timeShare, 'elapsed', l.meterElapsed)
            : null}
        </div>
      ) : null}
      <dl class="facts">
        <dt>{l.totalCap}</dt>
        <dd>
          {campaign.totalCap === null
            ? l.noTotalCap
            : l.deliveredOf(l.number(delivery.impressions), l.number(campaign.totalCap))}
        </dd>
        {campaign.dailyCap !== null ? (
          <>
            <dt>{l.dailyCap}</dt>
            <dd>
              {l.dailyCapLine(
                l.number(campaign.dailyCap),
                delivery.dailyCapDays,
                report.days.length,
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {delivery.expectedToDate !== null && report.phase === 'running' ? (
        <p>{l.expected(l.number(delivery.expectedToDate))}</p>
      ) : null}
      {campaign.endsAt === null ? <p class="hint">{l.noEnd}</p> : null}
    </section>
  );
}

function DayTable({ report, l }: { report: CampaignReport; l: AdReportStrings }) {
  const { delivery } = report;
  return (
    // Focusable, so keyboard users can scroll it sideways if a screen is too narrow.
    <div class="report-table-wrap" tabindex={0} role="region" aria-label={l.tableLabel}>
      <table class="report-table">
        <thead>
          <tr>
            <th scope="col">{l.date}</th>
            <th scope="col" class="num">
              {l.impressions}
            </th>
            <th scope="col" class="num">
              {l.clicks}
            </th>
            <th scope="col" class="num">
              {l.ctr}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.days.map((d) => (
            <tr class={d.impressions === 0 && d.clicks === 0 ? 'is-zero' : undefined}>
              <th scope="row">
                <time datetime={d.day}>
                  <span class="report-weekday">{l.weekday(d.day)} </span>
                  {l.dateOnly(d.day)}
                </time>
              </th>
              <td class="num">{l.number(d.impressions)}</td>
              <td class="num">{l.number(d.clicks)}</td>
              <td class="num">{l.rate(clickThroughRate(d.clicks, d.impressions))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{l.total}</th>
            <td class="num">{l.number(delivery.impressions)}</td>
            <td class="num">{l.number(delivery.clicks)}</td>
            <td class="num">{l.rate(delivery.ctr)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function chartDescription(days: DayCount[], l: AdReportStrings): string {
  const peak = days.reduce((best, d) => (d.impressions > best.impressions ? d : best), days[0]!);
  return l.chartDesc(
    l.day(days[0]!.day),
    l.day(days[days.length - 1]!.day),
    l.number(days.reduce((n, d) => n + d.impressions, 0)),
    l.number(days.reduce((n, d) => n + d.clicks, 0)),
    l.chartPeak(l.number(peak.impressions), l.day(peak.day)),
  );
}
