import type { Locale } from '../settings/site-settings.ts';
import type { SiteAlert } from './alert.ts';

const label: Record<Locale, string> = { fr: 'Alerte', en: 'Alert' };

/**
 * The site alert over a reader page: in the server's HTML, so nothing moves when it shows; a
 * labelled region (a landmark screen readers list) whose visible word « Alerte » says what it
 * is, not its colour alone. Not `role=alert`: it would be read out on every page a reader opens.
 */
export function AlertBanner({ alert, locale }: { alert: SiteAlert | undefined; locale: Locale }) {
  if (!alert) return null;
  return (
    <section class="site-alert" aria-labelledby="alerte-titre">
      <p class="wrap">
        <strong id="alerte-titre" class="site-alert-label">
          {label[locale]}
        </strong>{' '}
        {alert.linkUrl ? <a href={alert.linkUrl}>{alert.text}</a> : <span>{alert.text}</span>}
      </p>
    </section>
  );
}
