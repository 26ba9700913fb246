import { authorPath, isSignedByAuthor } from '../authors/author.ts';
import { authorStringsFor } from '../authors/author.strings.ts';
import { bylineJoiners, bylineNames } from '../authors/byline.ts';
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

/**
 * The article's byline after « Par »: its co-authors, each linked to their page, joined the French
 * way (« A, B et C »), then its agency (« , avec AFP »); without co-authors, its signature as
 * before (see authors/byline.ts for the precedence).
 */
export function Byline({
  ctx,
  article: a,
}: {
  ctx: PageContext;
  article: Linked & Pick<ArticleView, 'coauthors' | 'agency'>;
}) {
  const names = articleBylineNames(a);
  if (!names.length && !a.agency) return <SignatureLink ctx={ctx} article={a} />;
  const { before, agency } = bylineJoiners(names.length, !!a.agency, ctx.site.locale);
  return (
    <span class="signature">
      {names.map((n, i) => (
        <>
          {before[i]}
          {n.href ? (
            <a rel="author" href={n.href}>
              {n.name}
            </a>
          ) : (
            n.name
          )}
        </>
      ))}
      {a.agency ? (
        <>
          {agency}
          <span class="agency">{a.agency}</span>
        </>
      ) : null}
    </span>
  );
}

/** The people who sign an article, in order, with their pages. */
export function articleBylineNames(
  a: Linked & Pick<ArticleView, 'coauthors'>,
): ReturnType<typeof bylineNames> {
  return bylineNames({
    coauthors: a.coauthors,
    signature: a.signature,
    signatureHref: isSignedByAuthor(a)
      ? authorPath({ id: a.authorId!, name: a.authorName! })
      : null,
  });
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
