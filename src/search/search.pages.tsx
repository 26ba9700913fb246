import type { ArticleSummary } from '../articles/article.ts';
import { articlePath } from '../articles/article.ts';
import { Pager, StoryCard } from '../web/components.tsx';
import { formatDateTime } from '../web/dates.ts';
import { Layout } from '../web/layout.tsx';
import { typeset } from '../web/typography.ts';
import type { PageContext } from '../web/page-context.ts';
import type { TextPart } from './excerpt.ts';
import type { SearchHit, SearchOutcome } from './search-articles.ts';
import { QUERY_MAX } from './search-text.ts';
import { searchStringsFor } from './search.strings.ts';

/** Text with the searched words in <mark>; every part is escaped like any other value. */
export function Marked({ parts, locale }: { parts: TextPart[]; locale: string }) {
  return (
    <>
      {parts.map((p) => {
        const text = typeset(p.text, locale);
        return p.hit ? <mark>{text}</mark> : text;
      })}
    </>
  );
}

/** The address of a search results page. */
export function searchPath(q: string, sectionSlug: string | undefined, page = 1): string {
  const params = new URLSearchParams({ q });
  if (sectionSlug) params.set('rubrique', sectionSlug);
  if (page > 1) params.set('page', String(page));
  return `/recherche?${params.toString()}`;
}

/** The search page: the form, then ranked results with excerpts, or help and the latest articles. */
export function SearchPage(props: {
  ctx: PageContext;
  query: string;
  sectionSlug: string | undefined;
  outcome: SearchOutcome;
  page: number;
  pages: number;
  latest: ArticleSummary[];
}) {
  const { ctx, outcome, page, pages } = props;
  const s = searchStringsFor(ctx.site.locale);
  const query = props.query.slice(0, QUERY_MAX);
  const section = ctx.sections.find((x) => x.slug === props.sectionSlug);
  const found = outcome.ok && outcome.hits.length > 0;
  return (
    <Layout
      ctx={ctx}
      title={`${query.trim() ? s.titleFor(query.slice(0, 80)) : s.title} — ${ctx.site.siteName}`}
      robots="noindex"
    >
      <header class="page-head">
        <h1>{s.title}</h1>
      </header>
      <form class="search-page-form" role="search" action="/recherche" method="get">
        <p>
          <label for="recherche-q">{s.field}</label>
          <input id="recherche-q" type="search" name="q" value={query} maxlength={QUERY_MAX} />
        </p>
        <p>
          <label for="recherche-rubrique">{s.section}</label>
          <select id="recherche-rubrique" name="rubrique">
            <option value="">{s.allSections}</option>
            {ctx.sections.map((x) => (
              <option value={x.slug} selected={x.slug === section?.slug}>
                {x.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit">{s.submit}</button>
        </p>
      </form>
      {outcome.ok ? (
        <p class="search-count" role="status">
          {s.count(outcome.total)}
          {section ? ` ${s.inSection(section.name)}` : ''}
        </p>
      ) : null}
      {found ? (
        <>
          <ol class="search-results" start={(page - 1) * 10 + 1}>
            {outcome.hits.map((hit) => (
              <li>
                <SearchResult ctx={ctx} hit={hit} />
              </li>
            ))}
          </ol>
          <Pager
            ctx={ctx}
            page={page}
            pages={pages}
            href={(n) => searchPath(query, section?.slug, n)}
          />
        </>
      ) : (
        <SearchHelp ctx={ctx} outcome={outcome} latest={props.latest} />
      )}
    </Layout>
  );
}

function SearchResult({ ctx, hit }: { ctx: PageContext; hit: SearchHit }) {
  return (
    <article class="search-result">
      {hit.kicker ? <span class="kicker">{typeset(hit.kicker, ctx.site.locale)}</span> : null}
      <h2 class="story-title">
        <a href={articlePath(hit)}>
          <Marked parts={hit.title} locale={ctx.site.locale} />
        </a>
      </h2>
      {hit.excerpt.length ? (
        <p class="search-excerpt">
          <Marked parts={hit.excerpt} locale={ctx.site.locale} />
        </p>
      ) : null}
      <p class="meta">
        <a class="section-label" href={`/${hit.section.slug}`}>
          {hit.section.name}
        </a>
        {' · '}
        <time datetime={hit.publishedAt}>{formatDateTime(hit.publishedAt, ctx.site)}</time>
      </p>
    </article>
  );
}

function SearchHelp(props: { ctx: PageContext; outcome: SearchOutcome; latest: ArticleSummary[] }) {
  const { ctx, outcome } = props;
  const s = searchStringsFor(ctx.site.locale);
  return (
    <section class="search-help">
      <p class="search-message">{outcome.ok ? s.noResults : s[outcome.problem]}</p>
      {outcome.ok || outcome.problem !== 'empty' ? (
        <>
          <h2>{s.tipsTitle}</h2>
          <ul>
            {s.tips.map((tip) => (
              <li>{tip}</li>
            ))}
          </ul>
        </>
      ) : null}
      {props.latest.length ? (
        <>
          <h2>{s.latest}</h2>
          <ul class="rows">
            {props.latest.map((a) => (
              <li>
                <StoryCard
                  ctx={ctx}
                  article={a}
                  class="row"
                  heading="h3"
                  showImage={false}
                  showSection
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
