import { formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import type { AdAlerts } from './ad-alerts.ts';
import { campaignPath, reportPath } from './ad-report.pages.tsx';
import { adReportStringsFor } from './ad-report.strings.ts';

/** The dashboard's « Publicité » block: campaigns ending within 7 days, and those behind. */
export function AdAlertsBlock({ ctx, alerts }: { ctx: PageContext; alerts: AdAlerts }) {
  const l = adReportStringsFor(ctx.site.locale);
  const name = (c: { id: number; name: string }) => (
    <>
      <a href={campaignPath(c.id)}>{c.name}</a> (<a href={reportPath(c.id)}>{l.report}</a>)
    </>
  );
  return (
    <section id="publicite" class="dashboard-block">
      <h2>{l.ads}</h2>
      <h3>
        {l.endingSoon} ({alerts.endingSoon.length})
      </h3>
      {alerts.endingSoon.length ? (
        <ul class="ads-ending">
          {alerts.endingSoon.map((c) => (
            <li>
              {name(c)}, {c.advertiserName} —{' '}
              {l.endsAt(formatDateTime(c.endsAt ?? c.startsAt, ctx.site))}
            </li>
          ))}
        </ul>
      ) : (
        <p>{l.endingSoonEmpty}</p>
      )}
      <h3>
        {l.lagging} ({alerts.underDelivering.length})
      </h3>
      {alerts.underDelivering.length ? (
        <ul class="ads-lagging">
          {alerts.underDelivering.map((c) => (
            <li>
              {name(c)}, {c.advertiserName} —{' '}
              {l.laggingLine(l.number(c.impressions), l.number(c.expected))}
            </li>
          ))}
        </ul>
      ) : (
        <p>{l.laggingEmpty}</p>
      )}
    </section>
  );
}
