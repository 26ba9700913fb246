import { AdminLayout } from '../admin/admin-layout.tsx';
import { DataTable } from '../admin/data-table.tsx';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { Field, TextareaField } from '../admin/field.tsx';
import { Flash } from '../admin/flash.tsx';
import { DailyChart } from '../web/daily-chart.tsx';
import { formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import type { NewsletterMessage } from './newsletter-mails.tsx';
import {
  deliveryState,
  DELIVERY_STATES,
  editionPath,
  INTRO_MAX,
  SUBJECT_MAX,
  type DeliveryCounts,
} from './newsletter.ts';
import { newsletterAdminStringsFor, type EditionError } from './newsletter.strings.ts';
import type { EditionRow, SubscriberStatus } from './newsletter.table.ts';

/** The newsletter's newsroom page. */
export const ADMIN_PATH = '/admin/newsletter';

/** The newsroom address of an edition. */
export function editionAdminPath(id: number): string {
  return `${ADMIN_PATH}/editions/${id}`;
}

/** An edition in the newsroom's list, with its report's counts once sent. */
export interface EditionListItem {
  edition: EditionRow;
  counts?: DeliveryCounts | undefined;
}

/** « Lettre d'information »: the subscribers' counts, a new letter, and the letters so far. */
export function NewsletterAdminPage(p: {
  ctx: PageContext;
  csrfToken: string;
  subscribers: Record<SubscriberStatus, number>;
  editions: EditionListItem[];
  flash?: string | undefined;
}) {
  const { site } = p.ctx;
  const t = newsletterAdminStringsFor(site.locale);
  return (
    <AdminLayout ctx={p.ctx} title={t.title} csrfToken={p.csrfToken}>
      <h1>{t.title}</h1>
      <Flash done={t.done} flash={p.flash} />
      <p>{t.intro}</p>
      <section aria-labelledby="nl-abonnes">
        <h2 id="nl-abonnes">{t.subscribers}</h2>
        <p>{t.counts(p.subscribers)}</p>
        <p>
          <a href={`${ADMIN_PATH}/abonnes`}>{t.seeSubscribers}</a>
        </p>
      </section>
      <section aria-labelledby="nl-nouvelle">
        <h2 id="nl-nouvelle">{t.newEdition}</h2>
        <form method="post" action={`${ADMIN_PATH}/editions`} class="admin-form">
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <fieldset>
            <legend>{t.kindLabel}</legend>
            {(['digest', 'special'] as const).map((kind) => (
              <label class="check">
                <input type="radio" name="kind" value={kind} checked={kind === 'digest'} />{' '}
                {t.kind[kind]}
              </label>
            ))}
            <p class="hint">{t.kindHint}</p>
          </fieldset>
          <button type="submit">{t.create}</button>
        </form>
      </section>
      <section aria-labelledby="nl-lettres">
        <h2 id="nl-lettres">{t.editions}</h2>
        <DataTable
          columns={[t.subject, t.state, t.report]}
          rows={p.editions.map(({ edition: e, counts }) => [
            <>
              <a href={editionAdminPath(e.id)}>{e.subject}</a>
              <br />
              <span class="hint">
                {t.kind[e.kind]} ·{' '}
                {e.sent_at
                  ? t.sentOn(formatDateTime(e.sent_at, site))
                  : t.createdOn(formatDateTime(e.created_at, site))}
              </span>
            </>,
            t.status[e.status],
            counts ? `${counts.sent} / ${DELIVERY_STATES.reduce((n, s) => n + counts[s], 0)}` : '—',
          ])}
          empty={t.noEditions}
        />
      </section>
    </AdminLayout>
  );
}

/** A candidate article on a draft's page: ticked or not, with its views of the last 24 hours. */
export interface CandidateArticle {
  id: number;
  title: string;
  kicker: string;
  /** Known for the last 48 hours' stories; '' for older ones. */
  publishedAt: string;
  views: number;
  chosen: boolean;
}

/** A failed delivery, shown to the newsletter's managers only. */
export interface DeliveryFailure {
  email: string;
  status: string;
  last_error: string | null;
}

/** An edition's page: the draft's form and send button, or the sent letter's report; its preview. */
export function EditionAdminPage(p: {
  ctx: PageContext;
  csrfToken: string;
  edition: EditionRow;
  form: { subject: string; intro: string };
  candidates: CandidateArticle[];
  errors: EditionError[];
  preview: NewsletterMessage;
  confirmed: number;
  report?: { counts: DeliveryCounts; failures: DeliveryFailure[] } | undefined;
  flash?: string | undefined;
}) {
  const { site } = p.ctx;
  const t = newsletterAdminStringsFor(site.locale);
  const e = p.edition;
  const draft = e.status === 'draft';
  const base = editionAdminPath(e.id);
  return (
    <AdminLayout ctx={p.ctx} title={t.editTitle(e.subject)} csrfToken={p.csrfToken}>
      <p>
        <a href={ADMIN_PATH}>← {t.back}</a>
      </p>
      <h1>{t.editTitle(e.subject)}</h1>
      <Flash done={t.done} flash={p.flash} />
      <p class="hint">
        {t.kind[e.kind]} ·{' '}
        {e.status === 'sent' && e.sent_at
          ? t.sentOn(formatDateTime(e.sent_at, site))
          : t.status[e.status]}
        {e.status !== 'draft' ? (
          <>
            {' · '}
            <a href={editionPath(e.id)}>{t.webVersion}</a>
          </>
        ) : null}
      </p>
      {p.report ? <Report ctx={p.ctx} report={p.report} sending={e.status === 'sending'} /> : null}
      {draft ? (
        <form method="post" action={base} class="admin-form newsletter-form" novalidate>
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <ErrorSummary title={t.errorsTitle} messages={p.errors.map((x) => t.errors[x])} />
          <Field
            id="nl-objet"
            label={t.subject}
            hint={t.subjectHint}
            invalid={p.errors.some((x) => x.startsWith('subject'))}
            input={{
              name: 'subject',
              type: 'text',
              required: true,
              maxlength: SUBJECT_MAX,
              value: p.form.subject,
            }}
          />
          <TextareaField
            id="nl-intro"
            label={t.introLabel}
            hint={t.introHint}
            invalid={p.errors.includes('intro-too-long')}
            textarea={{ name: 'intro', rows: 4, maxlength: INTRO_MAX }}
            value={p.form.intro}
          />
          <fieldset class="newsletter-articles">
            <legend>{t.articles}</legend>
            <p class="hint">{t.articlesHint}</p>
            {p.candidates.length ? (
              p.candidates.map((a) => (
                <label class="check">
                  <input type="checkbox" name="articles" value={String(a.id)} checked={a.chosen} />{' '}
                  <span>
                    {a.kicker ? <span class="hint">{a.kicker} · </span> : null}
                    {a.title}
                    <span class="hint">
                      {a.publishedAt ? ` — ${formatDateTime(a.publishedAt, site)}` : ''}
                      {a.views ? ` — ${t.views(a.views)}` : ''}
                    </span>
                  </span>
                </label>
              ))
            ) : (
              <p>{t.none}</p>
            )}
          </fieldset>
          <button type="submit">{t.save}</button>
        </form>
      ) : null}
      <section aria-labelledby="nl-apercu" class="newsletter-preview">
        <h2 id="nl-apercu">{t.preview}</h2>
        <p class="hint">{t.previewHint}</p>
        <p>
          <strong>{p.preview.subject}</strong>
        </p>
        <p>
          <a href={`${base}/apercu`} target="_blank" rel="noopener">
            {t.previewHtml}
          </a>
        </p>
        <details open>
          <summary>{t.previewText}</summary>
          <pre class="newsletter-text">{p.preview.text}</pre>
        </details>
      </section>
      {draft ? (
        <section aria-labelledby="nl-envoyer">
          <h2 id="nl-envoyer">{t.sendTitle}</h2>
          <p>{t.sendHint(p.confirmed)}</p>
          <form method="post" action={`${base}/envoyer`}>
            <input type="hidden" name="_csrf" value={p.csrfToken} />
            <button type="submit" class="btn-danger">
              {t.send}
            </button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}

function Report(p: {
  ctx: PageContext;
  report: { counts: DeliveryCounts; failures: DeliveryFailure[] };
  sending: boolean;
}) {
  const t = newsletterAdminStringsFor(p.ctx.site.locale);
  const { counts, failures } = p.report;
  const total = DELIVERY_STATES.reduce((n, s) => n + counts[s], 0);
  const summary = t.reportSummary(counts, total);
  const format = (n: number) => n.toLocaleString(p.ctx.site.locale === 'en' ? 'en-GB' : 'fr-FR');
  return (
    <section aria-labelledby="nl-rapport" class="newsletter-report" id="rapport">
      <h2 id="nl-rapport">{t.report}</h2>
      <p>{summary}</p>
      {p.sending ? <p class="hint">{t.stillQueuing}</p> : null}
      <figure class="dashboard-chart">
        <DailyChart
          id="graphique-envoi"
          title={t.report}
          description={summary}
          barName={t.mails}
          format={format}
          days={DELIVERY_STATES.map((s) => ({
            label: t.states[s],
            tooltip: t.stateBar(t.states[s], counts[s]),
            bar: counts[s],
          }))}
        />
        <details class="chart-figures">
          <summary>{t.figures}</summary>
          <table class="chart-table">
            <caption>{t.report}</caption>
            <tbody>
              {DELIVERY_STATES.map((s) => (
                <tr>
                  <th scope="row">{t.states[s]}</th>
                  <td class="num">{format(counts[s])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
      <h3>{t.failures}</h3>
      <DataTable
        columns={[t.address, t.state, t.error]}
        rows={failures.map((f) => [f.email, t.states[deliveryState(f)], f.last_error ?? ''])}
        empty={t.noFailures}
      />
    </section>
  );
}
