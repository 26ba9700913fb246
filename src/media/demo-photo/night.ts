import { minaret, rooftops } from './buildings.ts';
import { box, ell, poly, sky, sun } from './canvas.ts';
import type { Scene } from './canvas.ts';
import { shadeTree } from './plants.ts';

/** Draws a city street at night: stars, lit windows, sodium street lights and light trails. */
export function night(s: Scene): void {
  const W = s.W,
    hy = s.r(620, 680);
  s.haze = '#3b3440';
  sky(s, '#070d1a', '#17223a', '#5a4038', hy);
  let stars = '';
  for (let i = 0; i < 160; i++) stars += ell(s.r(0, W), (hy - 150) * s.rnd() ** 1.3, 0.9, 0.9);
  s.path(stars, '#f4efe0', ' opacity="0.7"');
  if (s.rnd() < 0.6) sun(s, s.r(0.1, 0.9) * W, s.r(80, 250), 10, '#9fb0c8', 0.3, '#eef0ea');
  s.glow(W / 2, hy, W * 0.7, 160, '#d88a4a', 0.35);
  s.path(minaret(s, s.r(0.15, 0.85) * W, hy - 20, s.r(170, 230)), '#161a24');
  for (const [y, h0, h1, w0, w1, c] of [
    [hy - 20, 20, 70, 40, 110, '#1d2230'],
    [hy + 60, 40, 130, 70, 200, '#121620'],
  ] as const) {
    const [walls, win] = rooftops(s, y, h0, h1, w0, w1, 0.22);
    s.path(walls.join(''), c);
    s.path(win, '#f2b868', ' opacity="0.85"');
  }
  s.band(hy + 60, 1000, [
    [0, '#1a1a1f'],
    [1, '#0b0b0e'],
  ]);
  let trees = '';
  for (let i = 0; i < 6; i++)
    trees += shadeTree(
      s,
      s.pick([s.r(-50, W * 0.3), s.r(W * 0.7, W + 50)]),
      s.r(hy + 80, hy + 140),
      s.r(150, 260),
    );
  s.path(trees, '#0c0e12');
  const vx = W / 2,
    vy = hy + 60,
    lane = (u: number, y: number): number => vx + (u * (y - vy)) / (1000 - vy);
  s.path(
    poly([vx - 8, vy, vx + 8, vy, lane(1100, 1010), 1010, lane(-1100, 1010), 1010]),
    '#2a2522',
  );
  // Long-exposure light trails: thin wedges converging on the vanishing point, tail-lights left, headlights right.
  s.group(s.blur(1.5), () => {
    for (const [u, c] of [
      [-260, '#ff5a3c'],
      [-200, '#ff7a4c'],
      [220, '#fff0d0'],
      [290, '#ffe6b0'],
    ] as const) {
      s.path(
        poly([vx, vy + 2, lane(u, 1010) - 4, 1010, lane(u, 1010) + 4, 1010]),
        c,
        ' opacity="0.75"',
      );
    }
  });
  s.glow(vx, vy + 30, 300, 40, '#ffb070', 0.3);
  for (const dir of [-1, 1]) {
    for (let t = 0.25; t < 1.4; t += 0.28) {
      const y = vy + (1000 - hy) * t * t * 0.6,
        k = t * t,
        x = W / 2 + dir * (40 + 700 * k),
        h = 40 + 600 * k;
      s.path(
        box(x - 1 - 3 * k, y - h, 2 + 6 * k, h) +
          box(dir > 0 ? x - 40 * k - 3 : x, y - h, 40 * k + 3, 3 + 5 * k),
        '#0e0d0f',
      );
      s.glow(x - dir * 20 * k, y - h + 6 * k, 40 + 140 * k, 40 + 120 * k, '#ffb766', 0.5);
      s.glow(x - dir * 20 * k, y - h + 6 * k, 4 + 12 * k, 3 + 9 * k, '#fff3d6', 1);
      s.glow(x - dir * 60 * k, y + 10 * k, 80 + 240 * k, 10 + 40 * k, '#ffa24d', 0.3);
    }
  }
}
