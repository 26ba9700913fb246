import type { ArticleSummary, ImageView } from '../articles/article.ts';
import { liveStringsFor } from '../live/live.strings.ts';
import { articlePath } from '../articles/article.ts';
import type { ImageInfo, ImageVariant } from '../media/image-variants.ts';
import { formatDateTime } from './dates.ts';
import type { PageContext } from './page-context.ts';
import { typeset } from './typography.ts';

/**
 * URL of a media file: on this site (`/media/…`), or under `base`, the public URL of the object
 * storage or its CDN (MEDIA_PUBLIC_URL, see PageContext.mediaBase), so a reader's browser fetches
 * it there without a detour through Griot's redirect.
 */
export function mediaUrl(file: string, base = ''): string {
  return `${base}/media/${file}`;
}

function srcsetOf(variants: ImageVariant[], format: ImageVariant['format'], base = ''): string {
  return variants
    .filter((v) => v.format === format)
    .sort((a, b) => a.width - b.width)
    .map((v) => `${mediaUrl(v.file, base)} ${v.width}w`)
    .join(', ');
}

/** A responsive picture: WebP first, JPEG fallback, intrinsic size set so nothing shifts. */
export function Picture(props: {
  image: ImageView;
  sizes: string;
  eager?: boolean;
  fallbackWidth?: number;
  /** PageContext.mediaBase. */
  base?: string | undefined;
}) {
  const { image, base } = props;
  const jpegs = image.variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width);
  const fallback =
    jpegs.find((v) => v.width >= (props.fallbackWidth ?? 640)) ?? jpegs[jpegs.length - 1];
  if (!fallback) return null;
  return (
    <picture>
      <source
        type="image/webp"
        srcset={srcsetOf(image.variants, 'webp', base)}
        sizes={props.sizes}
      />
      <img
        src={mediaUrl(fallback.file, base)}
        srcset={srcsetOf(image.variants, 'jpeg', base)}
        sizes={props.sizes}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={props.eager ? 'eager' : 'lazy'}
        decoding={props.eager ? 'sync' : 'async'}
        fetchpriority={props.eager ? 'high' : undefined}
      />
    </picture>
  );
}

// The masthead keeps a logo within this box (CSS pixels); narrow screens shrink it further.
const LOGO_MAX_WIDTH = 400;
const LOGO_MAX_HEIGHT = 80;

/** The size a logo is shown at: within the masthead's box, never above its own size. */
export function logoDisplaySize(logo: ImageInfo): { width: number; height: number } {
  const scale = Math.min(1, LOGO_MAX_WIDTH / logo.width, LOGO_MAX_HEIGHT / logo.height);
  return {
    width: Math.max(1, Math.round(logo.width * scale)),
    height: Math.max(1, Math.round(logo.height * scale)),
  };
}

/** The publication's logo for the masthead: WebP or JPEG, sized so nothing shifts as it loads. */
export function SiteLogo(props: { logo: ImageInfo; alt: string; base?: string | undefined }) {
  const { logo, base } = props;
  const shown = logoDisplaySize(logo);
  const jpegs = logo.variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width);
  const fallback = jpegs.find((v) => v.width >= shown.width) ?? jpegs[jpegs.length - 1];
  if (!fallback) return null;
  const sizes = `${shown.width}px`;
  return (
    <picture>
      <source type="image/webp" srcset={srcsetOf(logo.variants, 'webp', base)} sizes={sizes} />
      <img
        class="brand-logo"
        src={mediaUrl(fallback.file, base)}
        srcset={srcsetOf(logo.variants, 'jpeg', base)}
        sizes={sizes}
        width={shown.width}
        height={shown.height}
        alt={props.alt}
      />
    </picture>
  );
}

/** A story in a list: kicker, linked title, optional standfirst and picture. */
export function StoryCard(props: {
  ctx: PageContext;
  article: ArticleSummary;
  sizes?: string;
  showImage?: boolean;
  showStandfirst?: boolean;
  showSection?: boolean;
  heading?: 'h2' | 'h3';
  class?: string;
  eager?: boolean;
}) {
  const { article: a, ctx } = props;
  const locale = ctx.site.locale;
  const Heading = props.heading ?? 'h3';
  const href = articlePath(a);
  return (
    <article class={props.class}>
      {props.showImage !== false && a.image && !ctx.lite ? (
        <figure>
          <a href={href} tabindex={-1} aria-hidden="true">
            <Picture
              base={props.ctx.mediaBase}
              image={a.image}
              sizes={props.sizes ?? '(min-width: 64rem) 18rem, (min-width: 40rem) 50vw, 100vw'}
              eager={props.eager}
            />
          </a>
        </figure>
      ) : null}
      <div>
        {a.live && !a.live.endedAt ? (
          <span class="live-badge">{liveStringsFor(locale).live}</span>
        ) : null}
        {a.kicker ? <span class="kicker">{typeset(a.kicker, locale)}</span> : null}
        <Heading class="story-title">
          <a href={href}>{typeset(a.title, locale)}</a>
        </Heading>
        {props.showStandfirst !== false && a.standfirst ? (
          <p class="standfirst">{typeset(a.standfirst, locale)}</p>
        ) : null}
        <p class="meta">
          {props.showSection ? (
            <>
              <a class="section-label" href={`/${a.section.slug}`}>
                {a.section.name}
              </a>
              {' · '}
            </>
          ) : null}
          <time datetime={a.publishedAt}>{formatDateTime(a.publishedAt, ctx.site)}</time>
        </p>
      </div>
    </article>
  );
}

/** Previous / next links between numbered pages. */
export function Pager(props: {
  ctx: PageContext;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const { t } = props.ctx;
  if (props.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t.pagination}>
      {props.page > 1 ? (
        <a rel="prev" href={props.href(props.page - 1)}>
          ← {t.previousPage}
        </a>
      ) : (
        <i />
      )}
      <span>{t.pageOf(props.page, props.pages)}</span>
      {props.page < props.pages ? (
        <a rel="next" href={props.href(props.page + 1)}>
          {t.nextPage} →
        </a>
      ) : (
        <i />
      )}
    </nav>
  );
}
