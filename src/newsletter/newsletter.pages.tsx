import { publicationAfterDe } from '../settings/publication-name.ts';
import { Pager } from '../web/components.tsx';
import { formatDate, isoInZone } from '../web/dates.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { typeset } from '../web/typography.ts';
import { ARCHIVE_PATH, editionPath, NEWSLETTER_PATH, type EditionContent } from './newsletter.ts';
import { newsletterStringsFor, type SubscribeError } from './newsletter.strings.ts';
import { pagedPath } from '../web/paging.ts';

/** The subscription form's state: what was typed and what was wrong with it. */
export interface SubscribeFormState {
  email: string;
  error?: SubscribeError | undefined;
  /** The request went through (the same answer whether the address was known or not). */
  sent?: boolean;
}

/** « Lettre d'information »: what readers get, and the form (double opt-in). */
export function SubscribePage(props: {
  ctx: PageContext;
  csrfToken: string;
  form: SubscribeFormState;
}) {
  const { ctx, form } = props;
  const s = newsletterStringsFor(ctx.site.locale);
  const site = ctx.site.siteName;
  return (
    <Layout
      ctx={ctx}
      title={s.title(site)}
      description={s.description(site)}
      canonical={ctx.publicUrl + NEWSLETTER_PATH}
    >
      <div class="panel newsletter-panel">
        <h1>{s.name}</h1>
        {form.sent ? (
          <div class="notice" role="status">
            <p>
              <strong>{s.sentTitle}</strong>
            </p>
            <p>{s.sent}</p>
          </div>
        ) : (
          <>
            <p>{s.intro(publicationAfterDe(ctx.site))}</p>
            {form.error ? (
              <p class="alert" role="alert" id="erreur-email">
                <strong>{s.errorsTitle}</strong>
                <br />
                {s.errors[form.error]}
              </p>
            ) : null}
            <form method="post" action={NEWSLETTER_PATH} novalidate>
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <label for="newsletter-email">{s.emailLabel}</label>
              <input
                id="newsletter-email"
                name="email"
                type="email"
                autocomplete="email"
                inputmode="email"
                required
                maxlength={254}
                value={form.email}
                aria-describedby={form.error ? 'erreur-email newsletter-hint' : 'newsletter-hint'}
                aria-invalid={form.error === 'email-invalid' ? 'true' : undefined}
              />
              <p class="hint" id="newsletter-hint">
                {s.emailHint}
              </p>
              <div class="hp" aria-hidden="true">
                <label for="newsletter-website">Site web</label>
                <input
                  id="newsletter-website"
                  name="website"
                  type="text"
                  tabindex={-1}
                  autocomplete="off"
                />
              </div>
              <button type="submit">{s.subscribe}</button>
            </form>
          </>
        )}
        <p>
          <a href={ARCHIVE_PATH}>{s.archiveLink}</a>
        </p>
      </div>
    </Layout>
  );
}

/** The page a confirmation or unsubscribe link opens: a button first (link scanners follow GETs), then the result. */
export function TokenPage(props: {
  ctx: PageContext;
  kind: 'confirm' | 'unsubscribe';
  /** invalid: a bad or expired token; ask: the button; done: it is done. */
  state: 'invalid' | 'ask' | 'done';
  action: string;
  csrfToken?: string | undefined;
}) {
  const { ctx, kind, state } = props;
  const s = newsletterStringsFor(ctx.site.locale);
  const title = kind === 'confirm' ? s.confirmTitle : s.unsubscribeTitle;
  return (
    <Layout ctx={ctx} title={`${title} — ${ctx.site.siteName}`} robots="noindex, nofollow">
      <div class="panel newsletter-panel">
        <h1>{title}</h1>
        {state === 'invalid' ? (
          <p class="alert" role="alert">
            {kind === 'confirm' ? s.confirmInvalid : s.unsubscribeInvalid}
          </p>
        ) : state === 'done' ? (
          <p class="notice" role="status">
            {kind === 'confirm' ? s.confirmed : s.unsubscribed}
          </p>
        ) : (
          <form method="post" action={props.action}>
            {props.csrfToken ? <input type="hidden" name="_csrf" value={props.csrfToken} /> : null}
            <p>{kind === 'confirm' ? s.confirmAsk : s.unsubscribeAsk}</p>
            <button type="submit">
              {kind === 'confirm' ? s.confirmButton : s.unsubscribeButton}
            </button>
          </form>
        )}
        {state === 'invalid' || (kind === 'unsubscribe' && state === 'done') ? (
          <p>
            <a href={NEWSLETTER_PATH}>{s.subscribeCta}</a>
          </p>
        ) : null}
      </div>
    </Layout>
  );
}

/** A sent edition as the archive lists it. */
export interface ArchivedEdition {
  id: number;
  subject: string;
  sentAt: string;
}

/** The public archive: past letters, newest first, each leading to its web version. */
export function ArchivePage(props: {
  ctx: PageContext;
  editions: ArchivedEdition[];
  page: number;
  pages: number;
}) {
  const { ctx, page, pages } = props;
  const s = newsletterStringsFor(ctx.site.locale);
  const href = (p: number) => pagedPath(ARCHIVE_PATH, p);
  return (
    <Layout
      ctx={ctx}
      title={s.archivePageTitle(ctx.site.siteName, page)}
      description={s.description(ctx.site.siteName)}
      canonical={ctx.publicUrl + href(page)}
    >
      <header class="page-head">
        <h1>{s.archiveTitle}</h1>
        <p>
          <a href={NEWSLETTER_PATH}>{s.subscribeCta}</a>
        </p>
      </header>
      {props.editions.length ? (
        <ol class="newsletter-archive">
          {props.editions.map((e) => (
            <li>
              <a href={editionPath(e.id)}>{typeset(e.subject, ctx.site.locale)}</a>{' '}
              <time datetime={isoInZone(e.sentAt, ctx.site.timeZone)}>
                {formatDate(e.sentAt, ctx.site)}
              </time>
            </li>
          ))}
        </ol>
      ) : (
        <p>{s.archiveEmpty}</p>
      )}
      <Pager ctx={ctx} page={page} pages={pages} href={href} />
    </Layout>
  );
}

/** An edition's web version: what the letter said, with links to the articles. No subscriber data. */
export function EditionWebPage(props: {
  ctx: PageContext;
  id: number;
  sentAt: string;
  content: EditionContent;
}) {
  const { ctx, content } = props;
  const s = newsletterStringsFor(ctx.site.locale);
  const locale = ctx.site.locale;
  const intro = content.intro
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  return (
    <Layout
      ctx={ctx}
      title={`${content.subject} — ${s.name} — ${ctx.site.siteName}`}
      canonical={ctx.publicUrl + editionPath(props.id)}
    >
      <article class="newsletter-edition">
        <header class="page-head">
          <p class="kicker">
            <a href={ARCHIVE_PATH}>{s.name}</a>
          </p>
          <h1>{typeset(content.subject, locale)}</h1>
          <p>
            <time datetime={isoInZone(props.sentAt, ctx.site.timeZone)}>
              {s.sentOn(formatDate(props.sentAt, ctx.site))}
            </time>
          </p>
        </header>
        {intro.map((p) => (
          <p>{typeset(p, locale)}</p>
        ))}
        <ol class="newsletter-items">
          {content.items.map((item) => (
            <li>
              {item.kicker ? <p class="kicker">{typeset(item.kicker, locale)}</p> : null}
              <h2>
                <a href={item.path}>{typeset(item.title, locale)}</a>
              </h2>
              {item.standfirst ? <p>{typeset(item.standfirst, locale)}</p> : null}
            </li>
          ))}
        </ol>
        <p>
          <a class="button" href={NEWSLETTER_PATH}>
            {s.subscribeCta}
          </a>
        </p>
      </article>
    </Layout>
  );
}
