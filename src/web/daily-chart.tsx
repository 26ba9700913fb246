/** One day of a DailyChart: its two values and how to word them. */
export interface ChartDay {
  /** Short axis label, e.g. « 23 nov. ». */
  label: string;
  /** What hovering the day's bar says. */
  tooltip: string;
  bar: number;
  /** The second series, drawn as a line; charts without a lineName have none. */
  line?: number;
}

// Vertical layout, in CSS pixels; horizontal positions are percentages, so the chart takes
// any width (a 360-px phone, a desktop, an A4 page) while its text keeps its size.
const BAR_TOP = 26;
const BAR_BOTTOM = 146;
const LINE_TOP = 184;
const LINE_BOTTOM = 232;
const AXIS_Y = 250;
const HEIGHT = 258;
// A chart of bars alone ends under them.
const BARS_AXIS_Y = BAR_BOTTOM + 16;
const BARS_HEIGHT = BAR_BOTTOM + 24;
// With few days, bars stay as narrow as they would be in a week.
const MIN_SLOTS = 7;

/** The smallest « round » number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) at or above a value, at least 1. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/** Up to `max` evenly spread indexes of `n` items, always the first and the last. */
export function labelIndexes(n: number, max = 5): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const picked = new Set<number>();
  for (let k = 0; k < max; k++) picked.add(Math.round((k * (n - 1)) / (max - 1)));
  return [...picked];
}

const pct = (x: number) => `${Math.round(x * 1000) / 1000}%`;

// Labels keep their size over the bars: a white halo keeps them legible.
const halo = { stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' };

function Gridlines(props: {
  top: number;
  bottom: number;
  max: number;
  format: (n: number) => string;
}) {
  const { top, bottom, max } = props;
  const mid = max / 2;
  return (
    <g class="chart-grid">
      <line x1="0" x2="100%" y1={bottom} y2={bottom} stroke="#8a8a8a" />
      <line x1="0" x2="100%" y1={(top + bottom) / 2} y2={(top + bottom) / 2} stroke="#ddd8cf" />
      <line x1="0" x2="100%" y1={top} y2={top} stroke="#ddd8cf" />
      <text x="100%" y={top - 3} text-anchor="end" class="chart-tick" {...halo}>
        {props.format(max)}
      </text>
      {Number.isInteger(mid) ? (
        <text x="100%" y={(top + bottom) / 2 - 3} text-anchor="end" class="chart-tick" {...halo}>
          {props.format(mid)}
        </text>
      ) : null}
    </g>
  );
}

/**
 * An accessible bar-and-line chart of daily figures, in plain SVG (no script): bars for one
 * series on top, a line for the other below, sharing the day axis (or bars alone, without a
 * lineName; the « days » may then be any ordered categories, such as age bands). Screen readers get the
 * title and description; the figures themselves belong in a table next to it.
 */
export function DailyChart(props: {
  id: string;
  title: string;
  description: string;
  barName: string;
  /** Without it the chart is bars alone (one series). */
  lineName?: string | undefined;
  days: ChartDay[];
  format: (n: number) => string;
}) {
  const { days, id } = props;
  const n = days.length;
  const slots = Math.max(n, MIN_SLOTS);
  const slot = 100 / n;
  const barWidth = (100 / slots) * 0.7;
  const center = (i: number) => (i + 0.5) * slot;
  const barMax = niceCeiling(Math.max(0, ...days.map((d) => d.bar)));
  const lineMax = niceCeiling(Math.max(0, ...days.map((d) => d.line ?? 0)));
  const withLine = props.lineName !== undefined;
  const axisY = withLine ? AXIS_Y : BARS_AXIS_Y;
  const barY = (v: number) => BAR_BOTTOM - (v / barMax) * (BAR_BOTTOM - BAR_TOP);
  const lineY = (v: number) => LINE_BOTTOM - (v / lineMax) * (LINE_BOTTOM - LINE_TOP);
  return (
    <svg
      class="daily-chart"
      role="img"
      aria-labelledby={`${id}-titre ${id}-desc`}
      width="100%"
      height={withLine ? HEIGHT : BARS_HEIGHT}
      font-size="11"
      fill="#5c5c5c"
    >
      <title id={`${id}-titre`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.description}</desc>
      <text x="0" y="12" class="chart-axis-name" font-size="12" font-weight="600" fill="#1b1b1b">
        {props.barName}
      </text>
      <Gridlines top={BAR_TOP} bottom={BAR_BOTTOM} max={barMax} format={props.format} />
      <g class="chart-bars" fill="#14457a">
        {days.map((d, i) =>
          d.bar > 0 ? (
            <rect
              class="chart-bar"
              x={pct(center(i) - barWidth / 2)}
              width={pct(barWidth)}
              y={Math.min(barY(d.bar), BAR_BOTTOM - 1)}
              height={Math.max(1, BAR_BOTTOM - barY(d.bar))}
            >
              <title>{d.tooltip}</title>
            </rect>
          ) : null,
        )}
      </g>
      {withLine ? (
        <>
          <text
            x="0"
            y={LINE_TOP - 14}
            class="chart-axis-name"
            font-size="12"
            font-weight="600"
            fill="#1b1b1b"
          >
            {props.lineName}
          </text>
          <Gridlines top={LINE_TOP} bottom={LINE_BOTTOM} max={lineMax} format={props.format} />
          <g class="chart-line" stroke="#b3261e" stroke-width="2" fill="#b3261e">
            {days.slice(1).map((d, i) => (
              <line
                x1={pct(center(i))}
                y1={lineY(days[i]!.line ?? 0)}
                x2={pct(center(i + 1))}
                y2={lineY(d.line ?? 0)}
              />
            ))}
            {n <= 45 || n === 1
              ? days.map((d, i) => (
                  <circle cx={pct(center(i))} cy={lineY(d.line ?? 0)} r="2.5" stroke="none">
                    <title>{d.tooltip}</title>
                  </circle>
                ))
              : null}
          </g>
        </>
      ) : null}
      <g class="chart-days">
        {labelIndexes(n).map((i) => {
          // The first and last labels of a long axis hug the edges instead of overflowing them.
          const c = center(i);
          const [x, anchor] =
            c < 8 ? [i * slot, 'start'] : c > 92 ? [(i + 1) * slot, 'end'] : [c, 'middle'];
          return (
            <text x={pct(x)} y={axisY} text-anchor={anchor}>
              {days[i]!.label}
            </text>
          );
        })}
      </g>
    </svg>
  );
}
