import { AlertBanner } from '../alerts/alert-banner.tsx';
import type { Child } from 'hono/jsx';
import type { ImageView } from '../articles/article.ts';
import { pickVariant } from '../media/image-variants.ts';
import { mediaUrl } from './components.tsx';
import { inlineScripts, inlineStyles } from './inline-code.ts';
import type { PageContext } from './page-context.ts';
import { Link, trustedHtml } from './render.ts';
import type { Strings } from './strings.ts';

/** The data-light shell: text first, no stylesheet, font, logo image, script file or ad slot. */
export function LiteLayout(props: {
  ctx: PageContext;
  title: string;
  description?: string | undefined;
  canonical?: string | undefined;
  head?: Child;
  robots?: string | undefined;
  children?: Child;
}) {
  const { ctx } = props;
  const { site, t } = ctx;
  // Back to the full edition: `?complet=1` also overrides Save-Data (see http/edition.ts).
  const full = `${ctx.path}?complet=1`;
  return (
    <html lang={site.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.canonical ? <Link rel="canonical" href={props.canonical} /> : null}
        {props.robots ? <meta name="robots" content={props.robots} /> : null}
        {/* An empty icon: otherwise browsers fetch /favicon.ico, a 404 page, on every visit. */}
        <Link rel="icon" href="data:," />
        <style>{trustedHtml(inlineStyles.lite)}</style>
        {props.head}
      </head>
      <body>
        <a class="skip" href="#contenu">
          {t.skipToContent}
        </a>
        <AlertBanner alert={ctx.alert} locale={site.locale} />
        <header>
          <a class="brand" href="/">
            {site.siteName}
          </a>
          <form role="search" action="/recherche" method="get">
            <label class="visually-hidden" for="recherche-entete">
              {t.searchLabel}
            </label>
            <input id="recherche-entete" type="search" name="q" maxlength={200} />{' '}
            <button type="submit">{t.search}</button>
          </form>
        </header>
        <nav aria-label={t.sectionsNav}>
          <ul>
            <li>
              <a href="/" aria-current={ctx.path === '/' ? 'page' : undefined}>
                {t.latest}
              </a>
            </li>
            {ctx.sections.map((s) => (
              <li>
                <a href={`/${s.slug}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="contenu">{props.children}</main>
        <footer class="site-foot">
          <p>
            <a href={full}>{t.fullEdition}</a>
          </p>
          <p>{t.footerRights(site.siteName, ctx.year)}</p>
        </footer>
      </body>
    </html>
  );
}

// Narrow enough for a phone, light enough for the edition (a 640 px JPEG is 30 to 60 KB).
const LITE_PHOTO_WIDTH = 640;

/**
 * A photo that costs nothing until the reader asks: a plain link to the picture, so no browser
 * fetches it before the tap, script or not (a lazy image inside a closed <details> is fetched
 * anyway when script is off, since Chromium then ignores lazy loading). With script, the tap
 * shows the photo in place of the link.
 */
export function PhotoOnTap({
  image,
  t,
  base,
}: {
  image: ImageView;
  t: Strings;
  base?: string | undefined;
}) {
  const v = pickVariant(image, 'jpeg', LITE_PHOTO_WIDTH);
  return (
    <>
      <a
        class="photo-on-tap"
        href={mediaUrl(v.file, base)}
        type="image/jpeg"
        data-width={v.width}
        data-height={v.height}
        data-alt={image.alt}
      >
        {t.showPhoto(Math.max(1, Math.round(v.bytes / 1000)))}
      </a>
      <script>{trustedHtml(inlineScripts.photoOnTap)}</script>
    </>
  );
}
