import { articlePath } from '../articles/article.ts';
import { formatDate } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { typeset } from '../web/typography.ts';
import type { RelatedCard } from './related.queries.ts';
import { searchStringsFor } from './search.strings.ts';

/** « À lire aussi »: small cards (title, section, date) of the article's related articles. */
export function RelatedArticles({ ctx, related }: { ctx: PageContext; related: RelatedCard[] }) {
  if (!related.length) return null;
  const s = searchStringsFor(ctx.site.locale);
  return (
    <aside class="related" aria-labelledby="a-lire-aussi">
      <h2 id="a-lire-aussi">{s.related}</h2>
      <ul>
        {related.map((a) => (
          <li>
            <a class="related-title" href={articlePath(a)}>
              {typeset(a.title, ctx.site.locale)}
            </a>
            <span class="meta">
              {a.section.name} ·{' '}
              <time datetime={a.publishedAt}>{formatDate(a.publishedAt, ctx.site)}</time>
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
