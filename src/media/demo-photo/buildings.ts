/**
 * Low-rise town rows and minarets for the demo photo generator.
 */
import { box, ell, poly } from './canvas.ts';
import type { Scene } from './canvas.ts';

/** A row of flat-roofed low-rise buildings on y, walls split in three tints; returns [walls[], windows, sunlit edges]. */
export function rooftops(
  s: Scene,
  y: number,
  h0: number,
  h1: number,
  w0: number,
  w1: number,
  lit = 0.7,
  side = 1,
): [string[], string, string] {
  const walls = ['', '', ''];
  let win = '',
    sunny = '';
  for (let x = -30; x < s.W + 30;) {
    const w = s.r(w0, w1),
      h = s.r(h0, h1),
      top = y - h,
      t = Math.floor(s.r(0, 3));
    walls[t] +=
      box(x, top, w, h + 6) +
      (s.rnd() < 0.5 ? box(x + w * 0.1, top - h * 0.06, w * s.r(0.2, 0.5), h * 0.06 + 1) : '');
    if (s.rnd() < 0.3)
      walls[t] +=
        box(x + w * 0.6, top - h * 0.16 - 4, w * 0.14, h * 0.1 + 2) +
        box(x + w * 0.61, top - h * 0.07, 1.5, h * 0.07) +
        box(x + w * 0.72, top - h * 0.07, 1.5, h * 0.07);
    if (s.rnd() < 0.2) walls[t] += ell(x + w * 0.3, top - w * 0.06, w * 0.06, w * 0.04);
    sunny +=
      box(x, top, w, Math.max(1, h * 0.025)) + box(side > 0 ? x + w * 0.84 : x, top, w * 0.16, h);
    const ww = Math.min(w * 0.08, 14),
      wh = Math.min(h * 0.13, 18);
    for (let wy = top + h * 0.2; wy < y - h * 0.3 && lit > 0; wy += h * 0.32) {
      for (let wx = x + w * 0.12; wx < x + w * 0.8; wx += w * 0.22)
        if (s.rnd() < lit) win += box(wx, wy, ww, wh);
    }
    x += w + (s.rnd() < 0.3 ? s.r(5, 40) : 0);
  }
  return [walls, win, sunny];
}

/** Draws a rooftops() row with three wall tints, windows and sunlit edges, all hazed by t. */
export function town(
  s: Scene,
  y: number,
  h0: number,
  h1: number,
  w0: number,
  w1: number,
  t: number,
  lit: number,
  side: number,
  extra = '',
): void {
  const [walls, win, sunny] = rooftops(s, y, h0, h1, w0, w1, lit, side);
  s.group(extra, () => {
    ['#6e5a47', '#7d6a58', '#8a6a55'].forEach((c, i) => s.path(walls[i]!, s.fog(c, t)));
    s.path(win, s.fog('#2f2722', t));
    s.path(sunny, s.fog('#d2ad84', t), ' opacity="0.55"');
  });
}

/** A minaret: either a tapered Sahelian mud tower bristling with toron beams, or a slender shaft. */
export function minaret(s: Scene, x: number, y: number, h: number): string {
  if (s.rnd() < 0.5) {
    const b = h * 0.15,
      t = h * 0.08;
    let d = poly([x - b, y, x - t, y - h, x + t, y - h, x + b, y]);
    for (let i = -1; i <= 1; i++)
      d += poly([
        x + i * t * 0.8 - h * 0.012,
        y - h,
        x + i * t * 0.8,
        y - h * 1.07,
        x + i * t * 0.8 + h * 0.012,
        y - h,
      ]);
    for (let yy = y - h * 0.12; yy > y - h * 0.95; yy -= h * 0.09) {
      const half = b - (b - t) * ((y - yy) / h);
      d += box(x - half - h * 0.03, yy, half * 2 + h * 0.06, h * 0.008);
    }
    return d;
  }
  const w = h * 0.045;
  return (
    box(x - w, y - h * 0.75, w * 2, h * 0.75) +
    box(x - w * 1.7, y - h * 0.76, w * 3.4, h * 0.025) +
    box(x - w * 0.75, y - h * 0.9, w * 1.5, h * 0.15) +
    poly([x - w, y - h * 0.9, x, y - h, x + w, y - h * 0.9])
  );
}
