import { AlertBanner } from '../alerts/alert-banner.tsx';
import type { Child } from 'hono/jsx';
import { AdMarkers } from '../ads/ad-markers.tsx';
import { inlineStyleSheet } from './assets.ts';
import { correctionsPath } from '../corrections/correction.ts';
import { correctionStringsFor } from '../corrections/correction.strings.ts';
import { NEWSLETTER_PATH } from '../newsletter/newsletter.ts';
import { newsletterStringsFor } from '../newsletter/newsletter.strings.ts';
import { SiteLogo } from './components.tsx';
import { LiteLayout } from './lite-layout.tsx';
import type { PageContext } from './page-context.ts';
import { Link, trustedHtml } from './render.ts';
import type { Strings } from './strings.ts';

/** The document shell shared by every reader and newsroom page. */
export function Layout(props: {
  ctx: PageContext;
  title: string;
  description?: string | undefined;
  canonical?: string | undefined;
  head?: Child;
  robots?: string;
  /** Reader pages with ads: the top banner slots go under the header. */
  ads?: boolean;
  /**
   * The style sheet inline rather than linked: on slow 3G a first visit then paints about
   * half a second sooner (one round trip less), at ~3.7 KB (brotli) more per page.
   */
  inlineStyleSheet?: boolean;
  /**
   * With the sheet inline, the browser may paint as soon as the first bytes of the page are
   * parsed; over a slow link it then paints an element whose content is still on its way (a
   * share link without its text), which moves when the text arrives. The first paint waits for
   * the element with this id to be parsed (`<link rel=expect blocking=render>`), so what is above
   * it, the first screen, is complete when it shows.
   */
  firstPaintAt?: string;
  /** This page's own feeds (a section's, an author's, a tag's), after the site's. */
  feeds?: { title: string; rss: string; atom: string } | undefined;
  children?: Child;
}) {
  const { ctx } = props;
  const { site, t } = ctx;
  if (ctx.lite) return <LiteLayout {...props} />;
  return (
    <html lang={site.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.canonical ? <Link rel="canonical" href={props.canonical} /> : null}
        {props.robots ? <meta name="robots" content={props.robots} /> : null}
        {props.inlineStyleSheet ? (
          <>
            <style>{trustedHtml(inlineStyleSheet(ctx.assets.css))}</style>
            {props.firstPaintAt ? (
              <Link rel="expect" href={`#${props.firstPaintAt}`} blocking="render" />
            ) : null}
          </>
        ) : (
          <Link rel="stylesheet" href={ctx.assets.css.url} />
        )}
        <Link rel="icon" href={ctx.assets.favicon.url} type="image/svg+xml" />
        <meta name="theme-color" content="#1b1b1b" />
        <FeedLinks title={site.siteName} rss="/flux/rss.xml" atom="/flux/atom.xml" t={t} />
        {props.feeds ? <FeedLinks {...props.feeds} t={t} /> : null}
        {props.head}
      </head>
      <body>
        <a class="skip" href="#contenu">
          {t.skipToContent}
        </a>
        <AlertBanner alert={ctx.alert} locale={site.locale} />
        <header class="masthead">
          <div class="wrap">
            {ctx.logo ? (
              <a class="brand brand-with-logo" href="/">
                <SiteLogo logo={ctx.logo} alt={site.siteName} base={ctx.mediaBase} />
              </a>
            ) : (
              <a class="brand" href="/">
                {site.siteName}
              </a>
            )}
            {site.tagline ? <p class="tagline">{site.tagline}</p> : null}
            <form class="search-form" role="search" action="/recherche" method="get">
              <label class="visually-hidden" for="recherche-entete">
                {t.searchLabel}
              </label>
              <input
                id="recherche-entete"
                type="search"
                name="q"
                maxlength={200}
                placeholder={t.searchPlaceholder}
              />
              <button type="submit">{t.search}</button>
            </form>
          </div>
        </header>
        <nav class="nav" aria-label={t.sectionsNav}>
          <ul>
            <li>
              <a href="/" aria-current={ctx.path === '/' ? 'page' : undefined}>
                {t.latest}
              </a>
            </li>
            {ctx.sections.map((s) => (
              <li>
                <a
                  href={`/${s.slug}`}
                  aria-current={
                    ctx.path === `/${s.slug}` || ctx.path.startsWith(`/${s.slug}/`)
                      ? 'page'
                      : undefined
                  }
                >
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="contenu">
          {props.ads ? (
            <div class="wrap">
              <AdMarkers ctx={ctx} placement="top" />
            </div>
          ) : null}
          <div class="wrap">{props.children}</div>
        </main>
        <footer class="site-foot">
          <div class="wrap">
            <ul>
              {ctx.sections.map((s) => (
                <li>
                  <a href={`/${s.slug}`}>{s.name}</a>
                </li>
              ))}
            </ul>
            <p class="foot-links">
              {/* The newsroom has no light edition. */}
              {ctx.path.startsWith('/admin') ? null : (
                <>
                  <a href={`/lite${ctx.path}`}>{t.liteEdition}</a>
                  {' · '}
                </>
              )}
              <a href="/flux/rss.xml">{t.feeds}</a>
              {' · '}
              <a href={correctionsPath()}>{correctionStringsFor(site.locale).footerLink}</a>
              {' · '}
              <a href={NEWSLETTER_PATH}>{newsletterStringsFor(site.locale).name}</a>
            </p>
            <p>{t.footerRights(site.siteName, ctx.year)}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function FeedLinks(p: { title: string; rss: string; atom: string; t: Strings }) {
  return (
    <>
      <Link
        rel="alternate"
        type="application/rss+xml"
        title={p.t.feedTitle(p.title)}
        href={p.rss}
      />
      <Link
        rel="alternate"
        type="application/atom+xml"
        title={p.t.atomTitle(p.title)}
        href={p.atom}
      />
    </>
  );
}
