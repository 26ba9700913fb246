/**
 * People and vehicle silhouettes for the demo photo generator.
 */
import { ell, mix, poly } from './canvas.ts';
import type { Scene } from './canvas.ts';

export const CLOTH = [
  '#9c4a32',
  '#b88a3a',
  '#3f5873',
  '#4f7a6a',
  '#8b3b3b',
  '#c7b48a',
  '#6d6a8c',
  '#a86a3c',
];

/** A person, feet at (x, y), h tall; kind picks robe or trousers, head-wrap, head load or bag; child enlarges the head. */
export function person(
  s: Scene,
  x: number,
  y: number,
  h: number,
  kind = s.rnd(),
  child = false,
): string {
  const k = h / 100,
    st = s.r(-7, 7),
    sw = s.r(-3, 3),
    hs = child ? 1.25 : 1;
  const P = (pts: number[]): string => poly(pts.map((v, i) => (i % 2 ? y - v * k : x + v * k)));
  // One outline with the arms attached reads as a body; separate limbs read as a mannequin.
  const body =
    kind < 0.45
      ? [
          -2.5,
          84,
          -9,
          82.5,
          -11.5,
          79,
          -17,
          53,
          -11.5,
          50,
          -14.5,
          4,
          -6 + st / 2,
          4,
          -6 + st / 2,
          0,
          -1,
          0,
          -1,
          4,
          1,
          4,
          1,
          0,
          6 - st / 2,
          0,
          6 - st / 2,
          4,
          14.5,
          4,
          11.5,
          50,
          17,
          53,
          11.5,
          79,
          9,
          82.5,
          2.5,
          84,
        ]
      : [
          -2.5,
          84,
          -9,
          82.5,
          -11.5,
          79,
          -13 - sw,
          48,
          -10 - sw,
          47,
          -9,
          66,
          -9,
          46,
          -5.5 - st,
          0,
          -1.5 - st,
          0,
          0,
          44,
          1.5 + st,
          0,
          5.5 + st,
          0,
          9,
          46,
          9,
          66,
          10 + sw,
          47,
          13 + sw,
          48,
          11.5,
          79,
          9,
          82.5,
          2.5,
          84,
        ];
  let d = P(body) + ell(x, y - (84 + 7 * hs) * k, 5.5 * k * hs, 7 * k * hs);
  if (kind > 0.8) d += ell(x, y - (84 + 12 * hs) * k, 6.5 * k * hs, 4.5 * k * hs);
  if (kind > 0.3 && kind < 0.38) d += P([-15, 99, -10, 108, 10, 108, 15, 99]);
  if (kind > 0.6 && kind < 0.66)
    d += P(st > 0 ? [-18, 78, -8, 78, -8, 52, -18, 52] : [8, 78, 18, 78, 18, 52, 8, 52]);
  return d;
}

/** People in a few muted clothing colours, so a crowd is not one flat silhouette. */
export function crowd(
  s: Scene,
  n: number,
  place: () => [number, number, number],
  t: number,
  extra = '',
): void {
  const groups = ['', '', '', ''];
  for (let i = 0; i < n; i++) groups[i % 4] += person(s, ...place());
  const tones = [s.pick(CLOTH), s.pick(CLOTH), '#c9bfae', '#2a231e'];
  s.group(extra, () =>
    groups.forEach((d, i) => s.path(d, s.fog(mix('#1c1814', tones[i]!, 0.45), t))),
  );
}

/** Side view of a 4x4, pickup or lorry heading right, wheels resting on y; returns [body, glass] path data. */
export function vehicle(s: Scene, x: number, y: number, len: number): [string, string] {
  const k = len / 100,
    kind = s.rnd();
  const P = (pts: number[]): string => poly(pts.map((v, i) => (i % 2 ? y - v * k : x + v * k)));
  let d = '',
    g = '';
  if (kind < 0.45) {
    d =
      P([0, 10, 0, 44, 4, 48, 62, 48, 74, 32, 97, 29, 100, 22, 100, 10]) +
      P([-4, 18, 0, 18, 0, 36, -4, 36]) +
      P([6, 48, 58, 48, 58, 51, 6, 51]);
    g =
      P([6, 34, 6, 44, 22, 44, 22, 34]) +
      P([25, 34, 25, 44, 42, 44, 42, 34]) +
      P([45, 34, 45, 44, 60, 44, 69, 34]);
  } else if (kind < 0.75) {
    d =
      P([0, 12, 0, 31, 46, 31, 48, 48, 68, 48, 78, 32, 99, 29, 100, 12]) +
      P([4, 31, 8, 31, 8, 40, 4, 40]);
    g = P([51, 34, 51, 45, 64, 45, 72, 34]);
  } else {
    d = P([0, 12, 0, 72, 68, 72, 68, 14, 72, 14, 72, 54, 86, 54, 98, 36, 100, 12]);
    g = P([75, 38, 75, 50, 84, 50, 92, 38]);
  }
  for (const wx of kind < 0.75 ? [19, 81] : [15, 33, 86])
    d += ell(x + wx * k, y - 9 * k, 9.5 * k, 9.5 * k);
  return [d, g];
}
