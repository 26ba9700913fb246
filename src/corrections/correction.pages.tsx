import { articlePath } from '../articles/article.ts';
import { Pager } from '../web/components.tsx';
import { formatDate, isoInZone } from '../web/dates.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { typeset } from '../web/typography.ts';
import type { Locale, SiteSettings } from '../settings/site-settings.ts';
import {
  correctionsPath,
  CORRECTION_MAX,
  type CorrectionError,
  type CorrectionView,
} from './correction.ts';
import type { PublicCorrection } from './correction.queries.ts';
import { correctionStringsFor } from './correction.strings.ts';
import { Link } from '../web/render.ts';

function Dated({ c, site }: { c: CorrectionView; site: SiteSettings }) {
  const s = correctionStringsFor(site.locale);
  const label = s.dated(formatDate(c.publishedAt, site));
  // The date is machine-readable too; the label's colon gets French spacing like the text.
  return (
    <strong>
      <time datetime={isoInZone(c.publishedAt, site.timeZone)}>{typeset(label, site.locale)}</time>
    </strong>
  );
}

/** The corrections at the end of an article, newest first; nothing when there are none. */
export function ArticleCorrections({
  ctx,
  corrections,
}: {
  ctx: PageContext;
  corrections: CorrectionView[];
}) {
  if (!corrections.length) return null;
  const s = correctionStringsFor(ctx.site.locale);
  return (
    <aside class="correction" aria-label={s.heading}>
      {corrections.map((c) => (
        <p id={`correction-${c.id}`}>
          <Dated c={c} site={ctx.site} /> {typeset(c.text, ctx.site.locale)}
        </p>
      ))}
    </aside>
  );
}

/** The article's corrections as schema.org CorrectionComments, for its NewsArticle. */
export function correctionJsonLd(corrections: CorrectionView[], timeZone: string) {
  return corrections.map((c) => ({
    '@type': 'CorrectionComment',
    datePublished: isoInZone(c.publishedAt, timeZone),
    text: c.text,
  }));
}

/** The public « Corrections » page: every correction, newest first, each with its article. */
export function CorrectionsPage(props: {
  ctx: PageContext;
  corrections: PublicCorrection[];
  page: number;
  pages: number;
}) {
  const { ctx, page, pages } = props;
  const s = correctionStringsFor(ctx.site.locale);
  const site = ctx.site.siteName;
  return (
    <Layout
      ctx={ctx}
      title={page > 1 ? s.pageTitle(page, site) : s.title(site)}
      description={s.description(site)}
      canonical={ctx.publicUrl + correctionsPath(page)}
      head={
        <>
          {page > 1 ? <Link rel="prev" href={correctionsPath(page - 1)} /> : null}
          {page < pages ? <Link rel="next" href={correctionsPath(page + 1)} /> : null}
        </>
      }
    >
      <header class="page-head">
        <h1>{s.heading}</h1>
        <p>{typeset(s.intro, ctx.site.locale)}</p>
      </header>
      {props.corrections.length ? (
        <ol class="corrections-list">
          {props.corrections.map((c) => (
            <li>
              <h2>
                <a href={`${articlePath(c.article)}#correction-${c.id}`}>
                  {typeset(c.article.title, ctx.site.locale)}
                </a>
              </h2>
              <p>
                <Dated c={c} site={ctx.site} /> {typeset(c.text, ctx.site.locale)}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{s.empty}</p>
      )}
      <Pager ctx={ctx} page={page} pages={pages} href={correctionsPath} />
    </Layout>
  );
}

/**
 * The newsroom's corrections panel under the article editor: those published, newest first, and
 * the form that adds one (for editors, on a published article).
 */
export function CorrectionAdminPanel(props: {
  locale: Locale;
  site: SiteSettings;
  csrfToken: string;
  articleId: number;
  published: boolean;
  canAdd: boolean;
  corrections: CorrectionView[];
  /** The text as typed and its problem, after a refused post. */
  draft?: { text: string; error: CorrectionError } | undefined;
}) {
  const s = correctionStringsFor(props.locale).admin;
  const error = props.draft?.error;
  return (
    <section class="corrections-admin" id="corrections" aria-labelledby="corrections-titre">
      <h2 id="corrections-titre">{s.heading}</h2>
      {props.corrections.length ? (
        <ol>
          {props.corrections.map((c) => (
            <li>
              <Dated c={c} site={props.site} /> {c.text}
            </li>
          ))}
        </ol>
      ) : (
        <p>{s.none}</p>
      )}
      {!props.canAdd ? null : props.published ? (
        <form method="post" action={`/admin/articles/${props.articleId}/corrections`}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <p class="hint" id="correction-aide">
            {s.hint}
          </p>
          <label for="correction-texte">{s.label}</label>
          <textarea
            id="correction-texte"
            name="text"
            rows={3}
            maxlength={CORRECTION_MAX}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'correction-aide erreur-correction' : 'correction-aide'}
          >
            {props.draft?.text ?? ''}
          </textarea>
          {error ? (
            <p class="field-error" id="erreur-correction" role="alert">
              {s.errors[error]}
            </p>
          ) : null}
          <button type="submit">{s.submit}</button>
        </form>
      ) : (
        <p class={error ? 'field-error' : 'hint'} role={error ? 'alert' : undefined}>
          {error ? s.errors[error] : s.onlyPublished}
        </p>
      )}
    </section>
  );
}
