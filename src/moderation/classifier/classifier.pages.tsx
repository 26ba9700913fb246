import type { Locale } from '../../settings/site-settings.ts';
import { CONFIDENT } from './classifier.queries.ts';
import { classifierStringsFor, featureLabel, type ScoreBand } from './classifier.strings.ts';
import type { QueueClassifier, ScoreSort } from './queue-classifier.ts';

/** Which band a score falls in. */
export function bandOf(score: number): ScoreBand {
  return score >= CONFIDENT ? 'unwanted' : score <= 1 - CONFIDENT ? 'acceptable' : 'uncertain';
}

/** A queue item's score: its band, the share, and the features that weighed most each way. */
export function ClassifierScore(props: {
  locale: Locale;
  classifier: QueueClassifier | undefined;
  commentId: number;
}) {
  const c = props.classifier;
  const s = c?.active ? c.scores.get(props.commentId) : undefined;
  if (!s) return null;
  const t = classifierStringsFor(props.locale);
  const band = bandOf(s.score);
  const up = s.reasons.filter(([, w]) => w > 0).map(([f]) => featureLabel(t, f));
  const down = s.reasons.filter(([, w]) => w < 0).map(([f]) => featureLabel(t, f));
  return (
    <p class={`mod-score mod-score-${band}`} data-score={s.score.toFixed(3)}>
      <strong>{t.band[band]}</strong> <span class="hint">({t.unwantedShare(s.score)})</span>
      {up.length ? (
        <span class="mod-score-why">
          {' · '}
          {t.towardsUnwanted} : <em>{up.join(', ')}</em>
        </span>
      ) : null}
      {down.length ? (
        <span class="mod-score-why">
          {' · '}
          {t.towardsAcceptable} : <em>{down.join(', ')}</em>
        </span>
      ) : null}
    </p>
  );
}

/** The queue's order by score, or a line saying why there is none yet. */
export function ClassifierSort(props: {
  locale: Locale;
  classifier: QueueClassifier | undefined;
  href: (sort: ScoreSort | undefined) => string;
}) {
  const c = props.classifier;
  if (!c) return null;
  const t = classifierStringsFor(props.locale);
  if (!c.active)
    return (
      <p class="mod-classifier hint">
        {t.inactive(c.acceptable, c.unwanted, c.needed)}{' '}
        <a href="/admin/moderation/statistiques">{t.stats}</a>
      </p>
    );
  const options: [ScoreSort | undefined, string][] = [
    [undefined, t.sortArrival],
    ['indesirable', t.sortUnwanted],
    ['acceptable', t.sortAcceptable],
  ];
  return (
    <p class="mod-classifier">
      {t.sort} :{' '}
      {options.map(([sort, label], i) => (
        <>
          {i ? ' · ' : ''}
          <a href={props.href(sort)} aria-current={sort === c.sort ? 'true' : undefined}>
            {label}
          </a>
        </>
      ))}{' '}
      · <a href="/admin/moderation/statistiques">{t.stats}</a>
    </p>
  );
}

/** The bulk bar's band checkboxes (work without script: the server selects the band). */
export function ClassifierBands(props: {
  locale: Locale;
  classifier: QueueClassifier | undefined;
}) {
  const c = props.classifier;
  if (!c?.active || c.bands.unwanted + c.bands.acceptable === 0) return null;
  const t = classifierStringsFor(props.locale);
  return (
    <span class="mod-bands">
      <input type="hidden" name="bande-version" value={String(c.version)} />
      <input type="hidden" name="bande-avant" value={c.before} />
      {c.articleId ? (
        <input type="hidden" name="bande-article" value={String(c.articleId)} />
      ) : null}
      {(['unwanted', 'acceptable'] as const).map((band) =>
        c.bands[band] ? (
          <label class="check">
            <input type="checkbox" name="bande" value={band} /> {t.selectBand(band, c.bands[band])}
          </label>
        ) : null,
      )}
    </span>
  );
}
