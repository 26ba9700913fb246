import type { Locale } from '../settings/site-settings.ts';
import { renderFragment, trustedHtml } from '../web/render.ts';
import { frenchSpacingHtml, typeset } from '../web/typography.ts';
import { articlePath } from './article.ts';
import type { MostReadRow } from './article-views.queries.ts';

/** Where « Les plus lus » goes in a cached page; filled for each view (most-read-filler.ts). */
export const SLOT_MOST_READ = '<!--griot:most-read-->';

const strings = {
  fr: { title: 'Les plus lus', label: 'Les articles les plus lus ces dernières 24 heures' },
  en: { title: 'Most read', label: 'The most-read articles of the last 24 hours' },
};

/** The slot « Les plus lus » fills on the home page and under articles. */
export function MostReadSlot() {
  return trustedHtml(SLOT_MOST_READ);
}

/** The numbered list of the most-read articles; nothing when no view was counted. */
export function MostReadBlock({ rows, locale }: { rows: MostReadRow[]; locale: Locale }) {
  if (!rows.length) return null;
  const l = strings[locale];
  return (
    <aside class="most-read" aria-labelledby="les-plus-lus" title={l.label}>
      <h2 id="les-plus-lus">{l.title}</h2>
      <ol>
        {rows.map((a) => (
          <li>
            <a href={articlePath(a)}>{typeset(a.title, locale)}</a>
            <span class="meta">{a.section.name}</span>
          </li>
        ))}
      </ol>
    </aside>
  );
}

/**
 * The block's markup, typeset: it is filled into pages after their typography pass, so it
 * gets its own.
 */
export async function mostReadHtml(rows: MostReadRow[], locale: Locale): Promise<string> {
  const html = await renderFragment(MostReadBlock({ rows, locale }));
  return locale === 'fr' ? frenchSpacingHtml(html) : html;
}
