import { authorPath, isSignedByAuthor } from '../authors/author.ts';
import { authorStringsFor } from '../authors/author.strings.ts';
import { tagPath } from '../tags/tag.ts';
import { tagStringsFor } from '../tags/tag.strings.ts';
import type { PageContext } from '../web/page-context.ts';
import type { ArticleView } from './article.ts';

type Linked = Pick<
  ArticleView,
  'signature' | 'authorId' | 'authorName' | 'authorByline' | 'tags' | 'section'
>;

/** The byline's name, linked to the author's page when the article is signed by its author. */
export function SignatureLink({ ctx, article: a }: { ctx: PageContext; article: Linked }) {
  const name = a.signature || ctx.site.siteName;
  return (
    <span class="signature">
      {isSignedByAuthor(a) ? (
        <a rel="author" href={authorPath({ id: a.authorId!, name: a.authorName! })}>
          {name}
        </a>
      ) : (
        name
      )}
    </span>
  );
}

/** The end of an article: its tags, then links to its section and to its author's other articles. */
export function ArticleFootLinks({ ctx, article: a }: { ctx: PageContext; article: Linked }) {
  const { t, site } = ctx;
  return (
    <>
      {a.tags.length ? (
        <nav class="article-tags" aria-label={tagStringsFor(site.locale).tagsLabel}>
          <ul>
            {a.tags.map((tag) => (
              <li>
                <a rel="tag" href={tagPath(tag)}>
                  {tag}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p class="article-more">
        <a href={`/${a.section.slug}`}>{t.seeSection(a.section.name)}</a>
        {isSignedByAuthor(a) ? (
          <a href={authorPath({ id: a.authorId!, name: a.authorName! })}>
            {authorStringsFor(site.locale).signatureLink(a.authorName!)}
          </a>
        ) : null}
      </p>
    </>
  );
}
