import { CommentSection, type CommentSectionProps } from '../comments/comment.pages.tsx';
import { commentStringsFor } from '../comments/comment.strings.ts';
import { ArticleFootLinks, Byline, articleBylineNames } from './article-links.tsx';
import { isSignedByAuthor } from '../authors/author.ts';
import { formatDateTime, isoInZone } from '../web/dates.ts';
import { Picture, StoryCard, mediaUrl } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import { AdMarkers, withInArticleMarkers } from '../ads/ad-markers.tsx';
import { RelatedArticles } from '../search/related.pages.tsx';
import type { RelatedCard } from '../search/related.queries.ts';
import type { PageContext } from '../web/page-context.ts';
import { jsonForScript, trustedHtml } from '../web/render.ts';
import { typeset } from '../web/typography.ts';
import { PhotoOnTap } from '../web/lite-layout.tsx';
import { OG_HEIGHT, OG_WIDTH, ogImagePath } from '../media/og-image.ts';
import { ShareLinks } from './share-links.tsx';
import { shortLinkUrl } from '../whatsapp/whatsapp-message.ts';
import { ArticleCorrections, correctionJsonLd } from '../corrections/correction.pages.tsx';
import { articleDescription } from './article-description.ts';
import { articlePath, readingMinutes, type ArticleSummary, type ArticleView } from './article.ts';
import { renderBodyMedia } from './body-media-render.ts';
import { illustratedPhoto, LeadPhotoCaption } from './lead-photo.tsx';
import { BodyMediaScripts } from './body-media.pages.tsx';
import { MostReadSlot } from './most-read.pages.tsx';
import {
  LiveCoverage,
  LiveLabel,
  LiveStyles,
  liveBlogJsonLd,
  liveBodiesHtml,
  type LiveCoverageData,
} from '../live/live.pages.tsx';

/** The article page: the full anatomy in semantic HTML, with its metadata for search and sharing. */
export function ArticlePage({
  ctx,
  article: a,
  comments,
  related = [],
  live = null,
}: {
  ctx: PageContext;
  article: ArticleView;
  comments: Omit<CommentSectionProps, 'ctx'>;
  related?: RelatedCard[];
  /** A live page's coverage (« En direct »), shown after the body. */
  live?: LiveCoverageData | null;
}) {
  const { site, t } = ctx;
  const locale = site.locale;
  const canonical = ctx.publicUrl + articlePath(a);
  const shareImage = ogImageOf(a);
  const imageUrl = shareImage ? ctx.publicUrl + shareImage.path : undefined;
  const description = articleDescription(a);
  const { photo, caption: captionText } = illustratedPhoto(a.image, locale);
  // Photos and embeds in the body, for this edition and the media address of the moment.
  const body = renderBodyMedia(a.bodyHtml, {
    edition: ctx.lite ? 'lite' : 'full',
    media: a.bodyMedia ?? [],
    base: ctx.mediaBase,
    locale,
  });
  return (
    <Layout
      ctx={ctx}
      ads={!a.noAds}
      // Readers mostly land on an article from elsewhere, with nothing cached: see Layout.
      inlineStyleSheet
      firstPaintAt="texte"
      title={`${a.title} — ${site.siteName}`}
      description={description}
      canonical={canonical}
      head={
        <>
          <meta property="og:type" content="article" />
          <meta property="og:site_name" content={site.siteName} />
          <meta property="og:locale" content={locale === 'fr' ? 'fr_FR' : 'en_GB'} />
          <meta property="og:title" content={a.title} />
          <meta property="og:description" content={description} />
          <meta property="og:url" content={canonical} />
          {imageUrl && shareImage ? (
            <>
              <meta property="og:image" content={imageUrl} />
              <meta property="og:image:width" content={String(shareImage.width)} />
              <meta property="og:image:height" content={String(shareImage.height)} />
              <meta property="og:image:type" content="image/jpeg" />
              <meta property="og:image:alt" content={a.image?.alt ?? ''} />
            </>
          ) : null}
          <meta
            property="article:published_time"
            content={isoInZone(a.publishedAt, site.timeZone)}
          />
          {a.updatedAt ? (
            <meta
              property="article:modified_time"
              content={isoInZone(a.updatedAt, site.timeZone)}
            />
          ) : null}
          <meta property="article:section" content={a.section.name} />
          {live ? <LiveStyles ctx={ctx} live={live.state} /> : null}
          <meta name="twitter:card" content={imageUrl ? 'summary_large_image' : 'summary'} />
          {imageUrl ? <meta name="twitter:image" content={imageUrl} /> : null}
          <script type="application/ld+json">
            {jsonForScript({
              ...newsArticleJsonLd(ctx, a, canonical, imageUrl),
              ...(live ? liveBlogJsonLd(ctx, live, canonical) : {}),
            })}
          </script>
        </>
      }
    >
      <article class="article">
        <header>
          <a class="section-label" href={`/${a.section.slug}`}>
            {a.section.name}
          </a>
          {live ? <LiveLabel ctx={ctx} live={live.state} /> : null}
          {a.kicker ? <p class="kicker">{typeset(a.kicker, locale)}</p> : null}
          <h1>{typeset(a.title, locale)}</h1>
          {a.standfirst ? <p class="standfirst">{typeset(a.standfirst, locale)}</p> : null}
          <div class="byline">
            <p>
              {t.by} <Byline ctx={ctx} article={a} />
            </p>
            <p>
              {t.published}{' '}
              <time datetime={isoInZone(a.publishedAt, site.timeZone)}>
                {formatDateTime(a.publishedAt, site)}
              </time>
              {a.updatedAt ? (
                <>
                  {' · '}
                  {t.updated}{' '}
                  <time datetime={isoInZone(a.updatedAt, site.timeZone)}>
                    {formatDateTime(a.updatedAt, site)}
                  </time>
                </>
              ) : null}
              {' · '}
              {t.readingTime(readingMinutes(a.bodyHtml))}
              {' · '}
              <a class="comments-link" href="#commentaires">
                {commentStringsFor(locale).count(comments.count)}
              </a>
            </p>
          </div>
          <ShareLinks
            article={{ ...a, url: canonical, shortUrl: shortLinkUrl(ctx.publicUrl, a.id) }}
            locale={locale}
          />
        </header>
        {a.noAds ? null : <AdMarkers ctx={ctx} placement="under-title" />}
        {photo ? (
          <figure class="photo">
            {ctx.lite ? (
              <PhotoOnTap image={photo} t={t} base={ctx.mediaBase} />
            ) : (
              <Picture
                base={ctx.mediaBase}
                image={photo}
                sizes="(min-width: 44rem) 44rem, 100vw"
                eager
                fallbackWidth={1024}
              />
            )}
            <LeadPhotoCaption caption={captionText} credit={photo.credit} locale={locale} />
          </figure>
        ) : null}
        <div class="body" id="texte">
          {trustedHtml(a.noAds ? body : withInArticleMarkers(ctx, body))}
        </div>
        {live ? (
          <LiveCoverage ctx={ctx} article={{ id: a.id, path: articlePath(a) }} live={live} />
        ) : null}
        <BodyMediaScripts ctx={ctx} html={live ? body + liveBodiesHtml(ctx, live) : body} />
        <ArticleCorrections ctx={ctx} corrections={a.corrections} />
        {a.noAds ? null : <AdMarkers ctx={ctx} placement="article-end" />}
        <footer class="article-foot">
          <ArticleFootLinks ctx={ctx} article={a} />
        </footer>
        <RelatedArticles ctx={ctx} related={related} />
        <MostReadSlot />
      </article>
      <CommentSection ctx={ctx} {...comments} />
    </Layout>
  );
}

// The dedicated 1200×630 share image; an image not yet in the library (no id) falls back to a variant.
function ogImageOf(a: ArticleView): { path: string; width: number; height: number } | undefined {
  if (!a.image) return undefined;
  if (a.image.mediaId)
    return { path: ogImagePath(a.image.mediaId), width: OG_WIDTH, height: OG_HEIGHT };
  const jpegs = a.image.variants
    .filter((v) => v.format === 'jpeg')
    .sort((x, y) => x.width - y.width);
  const v = jpegs.find((j) => j.width >= 1024) ?? jpegs.at(-1);
  return v ? { path: mediaUrl(v.file), width: v.width, height: v.height } : undefined;
}

function newsArticleJsonLd(
  ctx: PageContext,
  a: ArticleView,
  canonical: string,
  imageUrl: string | undefined,
) {
  const { site } = ctx;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: articleDescription(a),
    datePublished: isoInZone(a.publishedAt, site.timeZone),
    dateModified: isoInZone(a.updatedAt ?? a.publishedAt, site.timeZone),
    author: authorsJsonLd(ctx, a),
    ...(imageUrl ? { image: [imageUrl] } : {}),
    publisher: {
      '@type': 'Organization',
      name: site.siteName,
      logo: { '@type': 'ImageObject', url: ctx.publicUrl + ctx.assets.favicon.url },
    },
    articleSection: a.section.name,
    inLanguage: site.locale,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    ...(a.corrections.length ? { correction: correctionJsonLd(a.corrections, site.timeZone) } : {}),
  };
}

// People as Person (with their page when they have one), the agency as Organization; an article
// signed by nobody is the publication's.
function authorsJsonLd(ctx: PageContext, a: ArticleView) {
  const people = articleBylineNames(a).map((n) => ({
    '@type': a.coauthors.length || isSignedByAuthor(a) ? 'Person' : 'Organization',
    name: n.name,
    ...(n.href ? { url: ctx.publicUrl + n.href } : {}),
  }));
  const agency = a.agency ? [{ '@type': 'Organization', name: a.agency }] : [];
  const all = [...people, ...agency];
  return all.length ? all : [{ '@type': 'Organization', name: ctx.site.siteName }];
}

// A section's stories on the home: a thumbnail beside the title on a phone (see site.css), a
// photo above it in two columns from 40rem and in four from 64rem.
const CARD_SIZES = '(min-width: 64rem) 18rem, (min-width: 40rem) 50vw, 7.5rem';

/** The home page: the lead story, the next headlines, then the latest of each section. */
export function HomePage(props: {
  ctx: PageContext;
  lead: ArticleSummary | undefined;
  headlines: ArticleSummary[];
  bySection: { section: { slug: string; name: string }; articles: ArticleSummary[] }[];
}) {
  const { ctx } = props;
  const { site, t } = ctx;
  return (
    <Layout
      ctx={ctx}
      ads
      title={site.tagline ? `${site.siteName} — ${site.tagline}` : site.siteName}
      description={site.tagline || undefined}
      canonical={ctx.publicUrl + '/'}
    >
      <h1 class="visually-hidden">{site.siteName}</h1>
      {props.lead ? (
        <section class="lead" aria-label={t.latest}>
          <StoryCard
            ctx={ctx}
            article={props.lead}
            class="lead-story"
            heading="h2"
            sizes="(min-width: 64rem) 44rem, calc(100vw - 2rem)"
            eager
            showSection
          />
          {props.headlines.length ? (
            <div class="lead-side">
              <ul class="headlines">
                {props.headlines.map((a) => (
                  <li>
                    <StoryCard
                      ctx={ctx}
                      article={a}
                      showImage={false}
                      showStandfirst={false}
                      showSection
                    />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : (
        <p>{t.emptyHome}</p>
      )}
      <MostReadSlot />
      {props.bySection.length ? null : <AdMarkers ctx={ctx} placement="home" />}
      {props.bySection.map(({ section, articles }, i) => (
        <>
          {/* The home slot sits between the first and second sections. */}
          {i === 1 ? <AdMarkers ctx={ctx} placement="home" /> : null}
          <section class="rubric" aria-labelledby={`rubrique-${section.slug}`}>
            <h2 class="rubric-title" id={`rubrique-${section.slug}`}>
              <a href={`/${section.slug}`}>{section.name}</a>
              <a class="more" href={`/${section.slug}`}>
                {t.seeSection(section.name)} →
              </a>
            </h2>
            <ul class="cards">
              {articles.map((a) => (
                <li>
                  <StoryCard
                    ctx={ctx}
                    article={a}
                    class="card"
                    showStandfirst={false}
                    sizes={CARD_SIZES}
                  />
                </li>
              ))}
            </ul>
          </section>
        </>
      ))}
      {props.bySection.length === 1 ? <AdMarkers ctx={ctx} placement="home" /> : null}
    </Layout>
  );
}
