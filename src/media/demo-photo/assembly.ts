import { bloom, box, dome, ell, fi, sky, streaks } from './canvas.ts';
import type { Scene } from './canvas.ts';
import { crowd } from './people.ts';
import { palm, shadeTree } from './plants.ts';

/** Draws a parliament facade with a colonnade, plain unmarked flags and people on the forecourt. */
export function assembly(s: Scene): void {
  const side = s.rnd() < 0.5 ? -1 : 1,
    W = s.W,
    cx = W / 2 + s.r(-0.08, 0.08) * W,
    bw = Math.min(W * 0.8, 1400);
  s.haze = '#d9d2c3';
  sky(s, '#5f7f9c', '#9fb4c4', '#d8d4c6', 600);
  streaks(s, 5, 60, 380, '#f4f1ea', 0.4);
  let trees = '';
  for (let i = 0; i < 8; i++) trees += shadeTree(s, s.r(0, W), 690, s.r(120, 200));
  s.path(trees, s.fog('#56644a', 0.5), s.blur(1));
  const lit = '#e4d3b4',
    shade = '#a8957a',
    dark = '#4a4038',
    L = cx - bw / 2,
    cw = bw * s.r(0.36, 0.46);
  const lr = (a: string, b: string): string =>
    s.grad(
      [
        [0, side > 0 ? a : b],
        [1, side > 0 ? b : a],
      ],
      1,
      0,
    );
  if (s.rnd() < 0.6) {
    s.path(box(cx - 130, 300, 260, 80), lr(shade, lit));
    s.path(dome(cx, 305, 150, 130), lr('#8f8578', '#d8ccb8'));
    s.path(box(cx - 14, 150, 28, 30) + dome(cx, 152, 16, 14), lr('#8f8578', '#d8ccb8'));
  } else {
    s.path(
      `M${fi(cx - cw * 0.7)} 380Q${fi(cx)} 230 ${fi(cx + cw * 0.7)} 380Z`,
      lr('#9c9384', '#d5cab6'),
    );
  }
  s.path(
    box(L, 470, bw, 300),
    s.grad([
      [0, '#b7a487'],
      [1, '#9a8770'],
    ]),
  );
  let win = '';
  for (let y = 500; y < 700; y += 70)
    for (let x = L + 30; x < L + bw - 40; x += 55)
      if (Math.abs(x + 11 - cx) > cw / 2 + 20) win += box(x, y, 22, 42);
  s.path(win, '#4f463e');
  s.path(box(L - 6, 462, bw + 12, 12), lit);
  s.path(box(cx - cw / 2, 380, cw, 390), dark);
  s.path(box(cx - cw / 2 - 10, 372, cw + 20, 48) + box(cx - cw / 2 - 16, 362, cw + 32, 12), lit);
  s.path(box(cx - cw / 2 - 10, 420, cw + 20, 14), '#2a241f', ' opacity="0.35"');
  const cols = 2 * Math.floor(s.r(3, 6));
  const colFill = s.grad(
    [
      [0, shade],
      [0.35, lit],
      [0.7, lit],
      [1, '#8e7d66'],
    ],
    1,
    0,
  );
  for (let i = 0; i <= cols; i++) {
    const x = cx - cw / 2 + 8 + (i * (cw - 40)) / cols;
    s.path(box(x + side * 14, 420, 26, 330), '#2a241f', ' opacity="0.35"');
    s.path(box(x, 420, 24, 330), colFill);
  }
  for (let i = 0; i < 6; i++)
    s.path(
      box(cx - cw / 2 - 30 - i * 16, 750 + i * 8, cw + 60 + i * 32, 8),
      i % 2 ? '#bfae93' : '#d9c8aa',
    );
  s.band(798, 210, [
    [0, '#b9ab95'],
    [1, '#7a6c5c'],
  ]);
  const nf = 3 + 2 * Math.floor(s.r(0, 2)),
    // Plain muted cloths only: no emblem, and no colour that is some country's all-plain flag.
    fc = ['#c9b77a', '#557a7a', '#a9573f', '#b08a3a', '#4b5f82'],
    gap = s.r(100, 140);
  let poles = '';
  for (let i = 0; i < nf; i++) {
    const x = cx + (i - (nf - 1) / 2) * gap,
      y = 850,
      h = 300,
      fw = 95,
      wv = s.r(5, 10),
      q = (a: number, b: number): string => `${fi(x + a)} ${fi(y - h + b)}`;
    poles += box(x - 2, y - h, 4, h) + ell(x, y - h - 3, 4, 4);
    const d = `M${q(2, 4)}C${q(fw * 0.35, 4 - wv)} ${q(fw * 0.6, 4 + wv)} ${q(fw, 8)}L${q(fw, 66)}C${q(fw * 0.6, 66 + wv)} ${q(fw * 0.35, 66 - wv)} ${q(2, 64)}Z`;
    s.path(d, s.fog(fc[(i + Math.floor(s.r(0, 5))) % 5]!, 0.9));
    s.path(
      d,
      s.grad(
        [
          [0, '#000', 0],
          [0.45, '#000', 0.22],
          [0.8, '#fff', 0.12],
          [1, '#000', 0],
        ],
        1,
        0,
      ),
    );
  }
  s.path(poles, '#3a3632');
  crowd(s, 16, () => [cx + s.r(-0.45, 0.45) * bw, s.r(790, 960), s.r(60, 110)], 0.9);
  s.path(
    palm(s, s.r(60, 180), s.r(930, 980), s.r(380, 460)) +
      palm(s, W - s.r(60, 180), s.r(930, 980), s.r(380, 460)),
    '#2e3424',
  );
  bloom(s, side > 0 ? W : 0, 200, '#fff0d2', 0.3, 1.6);
}
