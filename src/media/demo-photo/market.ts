import { town } from './buildings.ts';
import { bloom, box, dome, fi, poly, sky, streaks } from './canvas.ts';
import type { Scene } from './canvas.ts';
import { CLOTH, crowd, person } from './people.ts';

/** Draws an open-air market: rows of awnings and parasols, crowds in muted colours, town behind. */
export function market(s: Scene): void {
  const hy = s.r(400, 450),
    side = s.rnd() < 0.5 ? -1 : 1;
  s.haze = '#d6bd98';
  sky(s, '#95a3a9', '#d7c5a6', '#e6d3ae', hy);
  streaks(s, 4, 100, hy - 100, '#f2e4cc', 0.35);
  town(s, hy, 40, 110, 60, 180, 0.25, 0.4, side, s.blur(0.8));
  s.band(hy - 60, 70, [
    [0, s.haze, 0],
    [1, s.haze, 0.3],
  ]);
  town(s, hy + 50, 60, 150, 60, 180, 0.42, 0.4, side);
  s.band(hy - 20, 80, [
    [0, s.haze, 0],
    [1, s.haze, 0.3],
  ]);
  town(s, hy + 110, 110, 220, 120, 260, 0.6, 0.45, side);
  s.band(hy + 40, 1000, [
    [0, '#b89a74'],
    [0.5, '#8a6e50'],
    [1, '#5a4634'],
  ]);
  for (const k of [0.16, 0.3, 0.48, 0.72]) {
    const y = hy + 40 + (1000 - hy) * k * 0.85,
      sc = k * 1.6,
      t = Math.min(1, 0.35 + k * 0.75);
    let dark = '',
      goods = '';
    for (let x = s.r(-200, 0) * sc; x < s.W + 100; x += s.r(200, 320) * sc) {
      const w = s.r(170, 250) * sc,
        c = s.fog(s.pick(CLOTH), t),
        ah = s.r(150, 190) * sc;
      if (s.rnd() < 0.5) {
        const sag = s.r(8, 18) * sc,
          th = s.r(22, 34) * sc;
        dark += box(x, y - ah, 3 * sc, ah) + box(x + w, y - ah, 3 * sc, ah);
        s.path(
          `M${fi(x - 8 * sc)} ${fi(y - ah - th)}L${fi(x + w + 8 * sc)} ${fi(y - ah - th)}L${fi(x + w + 14 * sc)} ${fi(y - ah)}Q${fi(x + w / 2)} ${fi(y - ah + sag)} ${fi(x - 14 * sc)} ${fi(y - ah)}Z`,
          c,
        );
        dark += box(x - 8 * sc, y - ah - 2, w + 16 * sc, ah * 0.12);
      } else {
        const cx = x + w / 2,
          r = w * 0.6,
          py = y - ah * 1.1;
        dark += box(cx - 2 * sc, py, 4 * sc, ah * 1.1);
        s.path(dome(cx, py, r, r * 0.42), c);
        s.path(
          poly([cx, py - r * 0.42, cx - r * 0.6, py, cx - r * 0.22, py]) +
            poly([cx, py - r * 0.42, cx + r * 0.22, py, cx + r * 0.6, py]),
          '#f2e6cf',
          ' opacity="0.3"',
        );
      }
      // A trestle table with mounds of produce, under the awning or the parasol alike.
      const ty = y - ah * 0.42;
      dark +=
        box(x + w * 0.05, ty, w * 0.9, 7 * sc) +
        box(x + w * 0.1, ty, 4 * sc, ah * 0.42) +
        box(x + w * 0.85, ty, 4 * sc, ah * 0.42);
      for (let j = 0; j < 4; j++)
        goods += dome(x + w * (0.2 + j * 0.2), ty, w * s.r(0.06, 0.1), w * s.r(0.04, 0.08));
    }
    s.path(dark, s.fog('#2b231d', t), ' opacity="0.85"');
    s.path(goods, s.fog(s.pick(['#a8552e', '#c08a3c', '#7a3a40']), t));
    crowd(
      s,
      Math.round(16 / (k + 0.4)),
      () => [s.r(-20, s.W + 20), y + s.r(5, 40) * sc, s.r(150, 185) * sc],
      t,
    );
  }
  let near = '';
  for (let i = 0; i < 4; i++)
    near += person(s, s.r(0, s.W), s.r(1250, 1400), s.r(500, 650), s.r(0, 0.6));
  s.path(near, '#1f1a16', s.blur(6));
  bloom(s, s.r(0.2, 0.8) * s.W, hy - 200, '#f6dcb0', 0.3, 1.5);
}
