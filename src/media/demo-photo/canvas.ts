/**
 * Drawing canvas for the demo photo generator: a seeded PRNG, compact SVG path helpers, a scene
 * accumulator on a virtual canvas 1000 units high, and sky, sun, haze and terrain layers.
 */

export type Rng = () => number;

export type Stop = readonly [offset: number, color: string, opacity?: number];

/** Returns a mulberry32 PRNG yielding floats in [0, 1) for the given 32-bit seed. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Formats a coordinate with one decimal, well below a pixel at our sizes, to keep the SVG small. */
export const f = (v: number): string => String(Math.round(v * 10) / 10).replace(/^(-?)0\./, '$1.');

/** Formats a coordinate as an integer, for blurred or large shapes where precision is invisible. */
export const fi = (v: number): string => String(Math.round(v));

/** Linearly interpolates between two #rrggbb colours. */
export function mix(a: string, b: string, t: number): string {
  const ch = (c: string, i: number): number => parseInt(c.slice(1 + i * 2, 3 + i * 2), 16);
  const v = [0, 1, 2].map((i) => Math.round(ch(a, i) + (ch(b, i) - ch(a, i)) * t));
  return `#${v.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** Path data for a full ellipse. */
export const ell = (cx: number, cy: number, rx: number, ry: number): string =>
  `M${f(cx - rx)} ${f(cy)}a${f(rx)} ${f(ry)} 0 1 0 ${f(2 * rx)} 0a${f(rx)} ${f(ry)} 0 1 0 ${f(-2 * rx)} 0`;

/** Path data for a half ellipse standing on y, like a bush or a dome. */
export const dome = (cx: number, y: number, rx: number, ry: number): string =>
  `M${f(cx - rx)} ${f(y)}a${f(rx)} ${f(ry)} 0 0 1 ${f(2 * rx)} 0Z`;

/** Path data for a closed polygon from a flat [x, y, x, y, …] list. */
export function poly(pts: number[]): string {
  // Relative steps between points rounded in tenths: short numbers, and no drift from rounding.
  const t = pts.map((v) => Math.round(v * 10));
  const steps = t.slice(2).map((v, i) => f((v - t[i]!) / 10));
  return `M${f(t[0]! / 10)} ${f(t[1]! / 10)}l${steps.join(' ').replace(/ -/g, '-')}Z`;
}

/** Path data for an axis-aligned rectangle. */
export const box = (x: number, y: number, w: number, h: number): string =>
  `M${f(x)} ${f(y)}h${f(w)}v${f(h)}h${f(-w)}Z`;

/** Accumulates defs and drawing for one image in a virtual canvas W wide and 1000 units high. */
export class Scene {
  readonly defs: string[] = [];
  readonly body: string[] = [];
  private ids = 0;
  private readonly cache = new Map<string, string>();
  haze = '#c8b89a';
  /** W is the canvas width in units, px the output pixels per unit. */
  constructor(
    readonly W: number,
    readonly rnd: Rng,
    readonly px = 1,
  ) {}
  r(a: number, b: number): number {
    return a + this.rnd() * (b - a);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)] as T;
  }
  add(...parts: string[]): void {
    this.body.push(...parts);
  }
  /** Mixes a colour toward the haze: t = 0 is lost in the haze, t = 1 is the colour itself. */
  fog(c: string, t: number): string {
    return mix(this.haze, c, t);
  }
  path(d: string, fill: string, extra = ''): void {
    if (d) this.add(`<path d="${d}" fill="${fill}"${extra}/>`);
  }
  private def(key: string, make: (id: string) => string): string {
    let id = this.cache.get(key);
    if (!id) {
      id = `d${this.ids++}`;
      this.cache.set(key, id);
      this.defs.push(make(id));
    }
    return id;
  }
  /** A linear gradient paint, vertical by default, in the filled shape's bounding box. */
  grad(stops: readonly Stop[], x2 = 0, y2 = 1): string {
    const st = stops
      .map(
        ([o, c, a = 1]) =>
          `<stop offset="${Math.round(o * 100) / 100}" stop-color="${c}" stop-opacity="${a}"/>`,
      )
      .join('');
    return `url(#${this.def(`l${x2}${y2}${st}`, (id) => `<linearGradient id="${id}" x2="${x2}" y2="${y2}">${st}</linearGradient>`)})`;
  }
  /** A soft-edged blob paint: opaque from the centre to `hard`, fading to nothing at the shape's edge. */
  soft(c: string, a = 1, hard = 0): string {
    return `url(#${this.def(
      `s${c}${a}${hard}`,
      (id) =>
        `<radialGradient id="${id}"><stop offset="${hard}" stop-color="${c}" stop-opacity="${a}"/><stop offset="1" stop-color="${c}" stop-opacity="0"/></radialGradient>`,
    )})`;
  }
  /** A Gaussian blur filter attribute for depth of field, or nothing when a subtle blur would be invisible. */
  blur(sd: number): string {
    const dev = sd * this.px;
    if (dev < 1.2 && sd < 2) return '';
    // librsvg switches from box blurs to a true convolution below 2 device pixels, 3-4x slower on wide
    // layers; at large output sizes round such blurs up to the fast path.
    const eff = dev < 2 && this.px > 0.5 ? 2.05 / this.px : sd;
    return ` filter="url(#${this.def(`b${eff}`, (id) => `<filter id="${id}" x="-5%" y="-20%" width="110%" height="140%" color-interpolation-filters="sRGB"><feGaussianBlur stdDeviation="${Math.round(eff * 100) / 100}"/></filter>`)})"`;
  }
  /** Wraps whatever `draw` adds in one group carrying `extra` (e.g. a blur), so the filter runs once, not per path. */
  group(extra: string, draw: () => void): void {
    this.add(`<g${extra}>`);
    draw();
    this.add('</g>');
  }
  /** A soft ellipse, the workhorse for glows, dust, haze and light pools. */
  glow(cx: number, cy: number, rx: number, ry: number, c: string, a: number, extra = ''): void {
    this.add(
      `<ellipse cx="${fi(cx)}" cy="${fi(cy)}" rx="${fi(rx)}" ry="${fi(ry)}" fill="${this.soft(c, a)}"${extra}/>`,
    );
  }
  /** A full-width band with a vertical gradient, for sky, ground planes, water and haze layers. */
  band(y: number, h: number, stops: readonly Stop[], extra = ''): void {
    this.add(
      `<rect x="-10" y="${f(y)}" width="${fi(this.W + 20)}" height="${f(h)}" fill="${this.grad(stops)}"${extra}/>`,
    );
  }
}

/** Sky gradient from zenith through mid sky down to the horizon colour at hy. */
export function sky(s: Scene, top: string, mid: string, low: string, hy: number): void {
  s.band(-10, 1020, [
    [0, top],
    [hy / 1700, mid],
    [hy / 1000, low],
    [1, low],
  ]);
}

/** A sun or moon disc with a two-stage halo. */
export function sun(
  s: Scene,
  x: number,
  y: number,
  r: number,
  c: string,
  glow = 0.6,
  core = '#fff8e6',
): void {
  s.glow(x, y, r * 14, r * 9, c, glow * 0.7);
  s.glow(x, y, r * 3.5, r * 3.5, c, glow);
  s.add(`<circle cx="${f(x)}" cy="${f(y)}" r="${f(r * 1.08)}" fill="${s.soft(core, 1, 0.85)}"/>`);
}

/** Thin, soft horizontal cloud or haze streaks across the sky. */
export function streaks(s: Scene, n: number, y0: number, y1: number, c: string, a: number): void {
  for (let i = 0; i < n; i++) s.glow(s.r(0, s.W), s.r(y0, y1), s.r(150, 420), s.r(6, 22), c, a);
}

interface Mood {
  sky: readonly [string, string, string];
  sun: string;
  haze: string;
  /** How far above the horizon the sun sits, min and max. */
  lift: readonly [number, number];
  /** Colour the ground is pulled toward, and by how much. */
  tint: string;
  amount: number;
}

// Golden hour, a pale dusty late morning and a dusk: the same place reads differently per article.
const MOODS: readonly Mood[] = [
  {
    sky: ['#7f93a6', '#d3bfa3', '#efd2a4'],
    sun: '#ffdca6',
    haze: '#dcbf95',
    lift: [40, 150],
    tint: '#000000',
    amount: 0,
  },
  {
    sky: ['#8fa2b2', '#d2cab9', '#e6dac4'],
    sun: '#fff3dc',
    haze: '#dccfb8',
    lift: [280, 420],
    tint: '#e6d8bf',
    amount: 0.18,
  },
  {
    sky: ['#4d5b78', '#b08c8a', '#e6a67c'],
    sun: '#ffbb88',
    haze: '#c8a08c',
    lift: [4, 30],
    tint: '#3a2e38',
    amount: 0.3,
  },
];

/** Paints the sky and sun for an open-country scene in a random mood; earth() tints ground colours to match. */
export function openSky(
  s: Scene,
  hy: number,
  sx: number,
): { sy: number; light: string; earth: (c: string) => string } {
  const m = s.pick(MOODS);
  s.haze = m.haze;
  sky(s, ...m.sky, hy);
  const sy = hy - s.r(...m.lift);
  sun(s, sx, sy, 15, m.sun);
  streaks(s, 6, 100, hy - 80, mix(m.haze, '#ffffff', 0.45), 0.3);
  return { sy, light: m.sun, earth: (c) => mix(c, m.tint, m.amount) };
}

/** Warm scattered light around a light source, screened over the silhouettes so their edges glow. */
export function bloom(s: Scene, x: number, y: number, c: string, a: number, size = 1): void {
  s.glow(x, y, s.W * 0.35 * size, 260 * size, c, a, ' style="mix-blend-mode:screen"');
}

/** A smooth, randomly undulating band from the left to the right edge, closed at the bottom. */
export function ridge(s: Scene, y: number, amp: number, fill: string, step = 60, extra = ''): void {
  const ph = [s.r(0, 6), s.r(0, 6), s.r(0, 6)] as const;
  const pts: number[] = [];
  for (let x = -40; x <= s.W + 40 + step; x += step) {
    pts.push(
      x,
      y -
        amp *
          (Math.sin(x / 410 + ph[0]) * 0.5 +
            Math.sin(x / 170 + ph[1]) * 0.3 +
            Math.sin(x / 53 + ph[2]) * 0.2),
    );
  }
  s.path(poly([...pts, s.W + 40 + step, 1020, -40, 1020]), fill, extra);
}
