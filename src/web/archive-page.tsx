import type { ArticleSummary } from '../articles/article.ts';
import { Pager, StoryCard } from './components.tsx';
import { Layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';
import { Link } from './render.ts';

/**
 * A paginated list of articles under a heading, as the author and tag pages show them
 * (the section page's rows, with the page's own feeds announced in the head).
 */
export function ArchivePage(props: {
  ctx: PageContext;
  title: string;
  description: string;
  kicker: string;
  heading: string;
  intro: string;
  feeds: { title: string; rss: string; atom: string };
  articles: ArticleSummary[];
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const { ctx, page, pages, href } = props;
  return (
    <Layout
      ctx={ctx}
      title={props.title}
      description={props.description}
      canonical={ctx.publicUrl + href(page)}
      feeds={props.feeds}
      head={
        <>
          {page > 1 ? <Link rel="prev" href={href(page - 1)} /> : null}
          {page < pages ? <Link rel="next" href={href(page + 1)} /> : null}
        </>
      }
    >
      <header class="page-head archive-head">
        <p class="kicker">{props.kicker}</p>
        <h1>{props.heading}</h1>
        <p>
          {props.intro}
          {' · '}
          <a class="archive-feed" href={props.feeds.rss}>
            {ctx.t.feeds}
          </a>
        </p>
      </header>
      <ul class="rows">
        {props.articles.map((a, i) => (
          <li>
            <StoryCard
              ctx={ctx}
              article={a}
              class="row"
              heading="h2"
              sizes="(min-width: 40rem) 12rem, 7.5rem"
              eager={i < 2}
              showSection
            />
          </li>
        ))}
      </ul>
      <Pager ctx={ctx} page={page} pages={pages} href={href} />
    </Layout>
  );
}
