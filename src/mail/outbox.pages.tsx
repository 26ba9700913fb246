import { AdminLayout } from '../admin/admin-layout.tsx';
import { Pager } from '../web/components.tsx';
import { formatDateTime } from '../web/dates.ts';
import type { Locale } from '../settings/site-settings.ts';
import type { PageContext } from '../web/page-context.ts';
import type { OutboxMail, OutboxStatus } from './outbox.table.ts';
import { NOT_WANTED_REASON } from './send-outbox.ts';

/** The outbox's tabs: each a slug for `?statut=` and the statuses it lists. */
export const OUTBOX_TABS = [
  { slug: 'en-file', statuses: ['queued', 'sending'] },
  { slug: 'envoyes', statuses: ['sent'] },
  { slug: 'echecs', statuses: ['failed'] },
  { slug: 'annules', statuses: ['cancelled'] },
] as const satisfies readonly { slug: string; statuses: readonly OutboxStatus[] }[];

export type OutboxTab = (typeof OUTBOX_TABS)[number];

const fr = {
  title: 'Courriels',
  newsroom: 'Espace rédaction',
  tabs: 'Filtrer par état',
  tabLabels: {
    'en-file': 'En file',
    envoyes: 'Envoyés',
    echecs: 'Échecs',
    annules: 'Annulés',
  } as Record<OutboxTab['slug'], string>,
  noSmtp:
    "Aucun serveur SMTP n'est configuré (SMTP_URL) : les courriels restent dans cette file, lisibles ici, et seront envoyés dès qu'un serveur sera configuré.",
  empty: 'Aucun courriel dans cette liste.',
  date: 'Date',
  to: 'Destinataire',
  subject: 'Objet',
  status: 'État',
  attempts: 'Tentatives',
  lastError: 'Dernière erreur',
  kind: 'Type',
  ref: 'référence',
  nextAttempt: 'Prochaine tentative',
  lockedUntil: 'Réservé jusqu’à',
  sentAt: 'Envoyé le',
  headers: 'En-têtes',
  textBody: 'Version texte',
  htmlBody: 'Version HTML',
  htmlPreview: (subject: string) => `Aperçu HTML du courriel « ${subject} »`,
  retry: 'Renvoyer',
  retryHint: 'Le courriel repartira en file, avec un compteur de tentatives remis à zéro.',
  back: '← Tous les courriels',
  chart: (parts: string[]) => `Répartition des courriels : ${parts.join(', ')}.`,
  statuses: {
    queued: 'En file',
    sending: 'En cours d’envoi',
    sent: 'Envoyé',
    failed: 'Échec',
    cancelled: 'Annulé',
  } as Record<OutboxStatus, string>,
  /** The reason a mail was cancelled, as the worker stores it (in French). */
  notWanted: NOT_WANTED_REASON,
  retryNotices: {
    ok: 'Le courriel a été remis en file d’envoi.',
    refuse: 'Ce courriel n’est ni en échec ni annulé : il n’y a rien à renvoyer.',
  },
};

type OutboxStrings = typeof fr;

const en: OutboxStrings = {
  title: 'Mail',
  newsroom: 'Newsroom',
  tabs: 'Filter by status',
  tabLabels: { 'en-file': 'Queued', envoyes: 'Sent', echecs: 'Failed', annules: 'Cancelled' },
  noSmtp:
    'No SMTP server is configured (SMTP_URL): mails stay in this queue, readable here, and will be sent as soon as a server is configured.',
  empty: 'No mail in this list.',
  date: 'Date',
  to: 'Recipient',
  subject: 'Subject',
  status: 'Status',
  attempts: 'Attempts',
  lastError: 'Last error',
  kind: 'Type',
  ref: 'reference',
  nextAttempt: 'Next attempt',
  lockedUntil: 'Claimed until',
  sentAt: 'Sent on',
  headers: 'Headers',
  textBody: 'Text version',
  htmlBody: 'HTML version',
  htmlPreview: (subject) => `HTML preview of the mail “${subject}”`,
  retry: 'Send again',
  retryHint: 'The mail goes back to the queue, with its count of attempts reset.',
  back: '← All mail',
  chart: (parts) => `Mail by status: ${parts.join(', ')}.`,
  statuses: {
    queued: 'Queued',
    sending: 'Sending',
    sent: 'Sent',
    failed: 'Failed',
    cancelled: 'Cancelled',
  },
  notWanted: 'No longer needed: things changed after the mail was queued.',
  retryNotices: {
    ok: 'The mail is back in the sending queue.',
    refuse: 'This mail has neither failed nor been cancelled: there is nothing to send again.',
  },
};

/** The outbox pages' strings for a locale. */
export function outboxStringsFor(locale: Locale): OutboxStrings {
  return locale === 'en' ? en : fr;
}

// A stored error is the mail server's own words, except the worker's reason for cancelling.
function errorText(error: string, l: OutboxStrings): string {
  return error === NOT_WANTED_REASON ? l.notWanted : error;
}

const statusOrder: readonly OutboxStatus[] = ['sent', 'queued', 'sending', 'failed', 'cancelled'];
const statusColors: Record<OutboxStatus, string> = {
  sent: '#2f7d4a',
  queued: '#3d6fb6',
  sending: '#8fb1e0',
  failed: '#b3261e',
  cancelled: '#9a9a9a',
};

/** The outbox list: tabs with counts, a bar of counts per state, and one page of mails. */
export function OutboxListPage(props: {
  ctx: PageContext;
  csrfToken: string;
  smtpConfigured: boolean;
  tab: OutboxTab;
  counts: Record<OutboxStatus, number>;
  mails: OutboxMail[];
  page: number;
  pages: number;
}) {
  const { ctx, counts, tab } = props;
  const l = outboxStringsFor(ctx.site.locale);
  return (
    <AdminLayout ctx={ctx} title={l.title} csrfToken={props.csrfToken}>
      <p>
        <a href="/admin">{l.newsroom}</a>
      </p>
      <h1>{l.title}</h1>
      {props.smtpConfigured ? null : (
        <p class="notice outbox-no-smtp" role="status">
          {l.noSmtp}
        </p>
      )}
      <StatusBar counts={counts} l={l} />
      <nav class="outbox-tabs" aria-label={l.tabs}>
        <ul>
          {OUTBOX_TABS.map((t) => (
            <li>
              <a
                href={`/admin/courriels?statut=${t.slug}`}
                aria-current={t.slug === tab.slug ? 'page' : undefined}
                style={t.slug === tab.slug ? 'font-weight:700' : undefined}
              >
                {l.tabLabels[t.slug]} ({t.statuses.reduce((n, s) => n + counts[s], 0)})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.mails.length === 0 ? (
        <p>{l.empty}</p>
      ) : (
        // Focusable, so keyboard users can scroll it sideways on narrow screens.
        <div class="table-scroll" tabindex={0} role="region" aria-label={l.title}>
          <table class="outbox-table">
            <thead>
              <tr>
                <th scope="col">{l.date}</th>
                <th scope="col">{l.to}</th>
                <th scope="col">{l.subject}</th>
                <th scope="col">{l.status}</th>
                <th scope="col">{l.attempts}</th>
                <th scope="col">{l.lastError}</th>
              </tr>
            </thead>
            <tbody>
              {props.mails.map((m) => (
                <tr>
                  <td class="nowrap">
                    <time datetime={m.created_at}>{formatDateTime(m.created_at, ctx.site)}</time>
                  </td>
                  <td class="outbox-to">{m.to_address}</td>
                  <td class="outbox-subject">
                    <a href={`/admin/courriels/${m.id}`}>{m.subject}</a>
                  </td>
                  <td>{l.statuses[m.status]}</td>
                  <td>{m.attempts}</td>
                  <td class="outbox-error">
                    {m.last_error ? shorten(errorText(m.last_error, l), 120) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        ctx={ctx}
        page={props.page}
        pages={props.pages}
        href={(n) => `/admin/courriels?statut=${tab.slug}&page=${n}`}
      />
    </AdminLayout>
  );
}

/** One mail: its facts, headers, text body, a sandboxed HTML preview and the retry button. */
export function OutboxMailPage(props: {
  ctx: PageContext;
  csrfToken: string;
  smtpConfigured: boolean;
  mail: OutboxMail;
  headers: Record<string, string>;
  notice?: string | undefined;
}) {
  const { ctx, mail } = props;
  const l = outboxStringsFor(ctx.site.locale);
  const when = (iso: string) => <time datetime={iso}>{formatDateTime(iso, ctx.site)}</time>;
  const retryable = mail.status === 'failed' || mail.status === 'cancelled';
  const headers = Object.entries(props.headers);
  return (
    <AdminLayout ctx={ctx} title={`${mail.subject} — ${l.title}`} csrfToken={props.csrfToken}>
      <p>
        <a href="/admin/courriels">{l.back}</a>
      </p>
      <h1 style="overflow-wrap:anywhere">{mail.subject}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.smtpConfigured ? null : (
        <p class="notice outbox-no-smtp" role="status">
          {l.noSmtp}
        </p>
      )}
      <dl class="facts" style="overflow-wrap:anywhere">
        <dt>{l.status}</dt>
        <dd class="outbox-status">{l.statuses[mail.status]}</dd>
        <dt>{l.to}</dt>
        <dd>{mail.to_address}</dd>
        <dt>{l.date}</dt>
        <dd>{when(mail.created_at)}</dd>
        <dt>{l.kind}</dt>
        <dd>
          <code>{mail.kind}</code>
          {mail.ref_id !== null ? ` (${l.ref} ${mail.ref_id})` : ''}
        </dd>
        <dt>{l.attempts}</dt>
        <dd>{mail.attempts}</dd>
        {mail.status === 'queued' ? (
          <>
            <dt>{l.nextAttempt}</dt>
            <dd>{when(mail.next_attempt_at)}</dd>
          </>
        ) : null}
        {mail.status === 'sending' && mail.locked_until ? (
          <>
            <dt>{l.lockedUntil}</dt>
            <dd>{when(mail.locked_until)}</dd>
          </>
        ) : null}
        {mail.sent_at ? (
          <>
            <dt>{l.sentAt}</dt>
            <dd>{when(mail.sent_at)}</dd>
          </>
        ) : null}
        {mail.last_error ? (
          <>
            <dt>{l.lastError}</dt>
            <dd class="outbox-error">{errorText(mail.last_error, l)}</dd>
          </>
        ) : null}
      </dl>
      {retryable ? (
        <form method="post" action={`/admin/courriels/${mail.id}/renvoyer`}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit">{l.retry}</button> <small>{l.retryHint}</small>
        </form>
      ) : null}
      {headers.length > 0 ? (
        <>
          <h2>{l.headers}</h2>
          <dl class="facts" style="overflow-wrap:anywhere">
            {headers.map(([name, value]) => (
              <>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </>
            ))}
          </dl>
        </>
      ) : null}
      <h2>{l.textBody}</h2>
      <pre class="outbox-text">{mail.text_body}</pre>
      <h2>{l.htmlBody}</h2>
      {/* Escaped as an attribute, and sandboxed: no script, no same-origin access, no forms. */}
      <iframe
        class="outbox-html"
        sandbox=""
        srcdoc={mail.html_body}
        title={l.htmlPreview(mail.subject)}
        referrerpolicy="no-referrer"
      />
    </AdminLayout>
  );
}

// One stacked bar, its width shared by the states in proportion to their counts.
function StatusBar({ counts, l }: { counts: Record<OutboxStatus, number>; l: OutboxStrings }) {
  const total = statusOrder.reduce((n, s) => n + counts[s], 0);
  if (total === 0) return null;
  let x = 0;
  return (
    <svg
      class="outbox-chart"
      role="img"
      aria-label={l.chart(statusOrder.map((s) => `${counts[s]} ${l.statuses[s].toLowerCase()}`))}
      viewBox="0 0 100 4"
      preserveAspectRatio="none"
      width="100%"
      height="12"
      style="display:block;margin:0 0 0.75rem"
    >
      {statusOrder.map((s) => {
        const w = (counts[s] / total) * 100;
        const rect =
          w > 0 ? <rect x={x} y="0" width={w} height="4" fill={statusColors[s]} /> : null;
        x += w;
        return rect;
      })}
    </svg>
  );
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
