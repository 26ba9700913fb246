import type { ArticleSummary } from '../articles/article.ts';
import { sectionPath } from '../articles/article.ts';
import { feedPaths } from '../feeds/feed.ts';
import { Pager, StoryCard } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { Section } from './section.table.ts';
import { Link } from '../web/render.ts';

/** A section page: its newest articles, 20 a page, with numbered pagination. */
export function SectionPage(props: {
  ctx: PageContext;
  section: Section;
  articles: ArticleSummary[];
  page: number;
  pages: number;
}) {
  const { ctx, section, page, pages } = props;
  const { site, t } = ctx;
  const href = (n: number) => sectionPath(section, n);
  return (
    <Layout
      ctx={ctx}
      ads
      title={
        page > 1
          ? t.sectionPageTitle(section.name, page, site.siteName)
          : t.sectionTitle(section.name, site.siteName)
      }
      description={section.description || t.sectionDescription(section.name, site.siteName)}
      canonical={ctx.publicUrl + href(page)}
      feeds={{ title: section.name, ...feedPaths.section(section.slug) }}
      head={
        <>
          {page > 1 ? <Link rel="prev" href={href(page - 1)} /> : null}
          {page < pages ? <Link rel="next" href={href(page + 1)} /> : null}
        </>
      }
    >
      <header class="page-head">
        <h1>{section.name}</h1>
        {section.description ? <p>{section.description}</p> : null}
      </header>
      {props.articles.length ? (
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
              />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.emptySection}</p>
      )}
      <Pager ctx={ctx} page={page} pages={pages} href={href} />
    </Layout>
  );
}
