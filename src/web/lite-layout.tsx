import type { Child } from 'hono/jsx';
import type { ImageView } from '../articles/article.ts';
import { pickVariant } from '../media/image-variants.ts';
import { mediaUrl } from './components.tsx';
import type { PageContext } from './page-context.ts';
import { trustedHtml } from './render.ts';
import type { Strings } from './strings.ts';

// The whole theme of the light edition, inline: one request less, and under 2 KB. System fonts
// only; the comment form's honeypot must stay out of sight here too.
const LITE_CSS = `body{margin:0 auto;max-width:42rem;padding:0 .8rem;font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}a{color:#0a58a8}h1,h2,h3{line-height:1.2}h1{font-size:1.55rem}h2{font-size:1.25rem}h3{font-size:1.1rem}img{max-width:100%;height:auto}header,nav{padding:.4rem 0}[role=search] input{width:60%}.brand{font-size:1.3rem;font-weight:700;color:inherit;text-decoration:none}nav ul,.site-foot ul,.share ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}.kicker,.section-label{font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em}.standfirst{font-weight:600}.meta,.byline,figcaption,.hint,.comment-note{font-size:.875rem;color:#555}figure{margin:1rem 0}summary{cursor:pointer;color:#0a58a8}input,textarea,button{font:inherit;max-width:100%;box-sizing:border-box}textarea,#comment-form input:not([type=checkbox]),.share input{display:block;width:100%}.cards,.headlines,.thread,.replies{list-style:none;padding:0}.cards li,.headlines li{border-top:1px solid #ddd}.story-title{margin:.2rem 0}.meta{margin:.2rem 0 .6rem}.rubric-title .more{display:block;font-size:.85rem;font-weight:400}.replies{padding-left:1rem}.field-error,.alert{color:#a00}.hp,.visually-hidden,.skip:not(:focus){position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}.site-foot{border-top:1px solid #ccc;margin-top:2rem;font-size:.9rem}blockquote{margin:1rem 0;padding-left:.8rem;border-left:3px solid #ccc}`;

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
        {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
        {props.robots ? <meta name="robots" content={props.robots} /> : null}
        {/* An empty icon: otherwise browsers fetch /favicon.ico, a 404 page, on every visit. */}
        <link rel="icon" href="data:," />
        <style>{trustedHtml(LITE_CSS)}</style>
        {props.head}
      </head>
      <body>
        <a class="skip" href="#contenu">
          {t.skipToContent}
        </a>
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
 * A photo that costs nothing until the reader asks: inside a closed <details>, the lazy image is
 * not rendered, so the browser does not fetch it before the tap (no script involved).
 */
export function PhotoOnTap({ image, t }: { image: ImageView; t: Strings }) {
  const v = pickVariant(image, 'jpeg', LITE_PHOTO_WIDTH);
  return (
    <details class="photo-on-tap">
      <summary>{t.showPhoto(Math.max(1, Math.round(v.bytes / 1000)))}</summary>
      <img
        src={mediaUrl(v.file)}
        width={v.width}
        height={v.height}
        alt={image.alt}
        loading="lazy"
      />
    </details>
  );
}
