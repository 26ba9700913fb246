import { minaret, town } from './buildings.ts';
import { bloom, box, fi, sky, streaks, sun } from './canvas.ts';
import type { Scene } from './canvas.ts';
import { shadeTree } from './plants.ts';

/** Draws a low-rise city seen over its rooftops, a minaret rising through the dusty haze. */
export function city(s: Scene): void {
  const hy = s.r(540, 600),
    side = s.rnd() < 0.5 ? -1 : 1,
    sx = s.W * (0.5 + side * s.r(0.15, 0.35)),
    sy = s.r(220, 380);
  s.haze = '#d0b493';
  sky(s, '#8a98a3', '#cbb79c', '#dcc4a2', hy);
  sun(s, sx, sy, 13, '#f4d8ab', 0.4, '#fbf1de');
  streaks(s, 4, 150, hy - 80, '#eedcc4', 0.3);
  const rows = [
    [hy, 15, 45, 30, 90, 0.22],
    [hy + 70, 30, 90, 50, 130, 0.4],
    [hy + 170, 60, 140, 90, 220, 0.62],
    [1060, 260, 380, 200, 420, 0.92],
  ] as const;
  const mx = s.r(0.15, 0.85) * s.W;
  rows.forEach(([y, h0, h1, w0, w1, t], i) => {
    if (i === 1 || i === 2) {
      let d = '';
      for (let j = 0; j < 4; j++)
        d += shadeTree(s, s.r(0, s.W), y - s.r(0, 20), s.r(0.9, 1.4) * h1);
      s.path(d, s.fog('#4a4f36', t));
    }
    if (i === 1) s.path(minaret(s, mx, y - 10, s.r(260, 340)), s.fog('#7a5d45', t + 0.05));
    town(
      s,
      y,
      h0,
      h1,
      w0,
      w1,
      t,
      i > 1 ? 0.5 : 0,
      side,
      i === 3 ? s.blur(1.5) : i === 0 ? s.blur(0.8) : '',
    );
    s.band(y - 100, 110, [
      [0, s.haze, 0],
      [1, s.haze, 0.3],
    ]);
  });
  // Overhead power lines are what make a street scene feel photographed rather than drawn.
  const px = [s.r(-80, 200), s.r(0.45, 0.6) * s.W, s.W + s.r(-200, 80)],
    top = s.r(40, 180);
  s.path(
    px
      .map((x, i) => box(x, top + i * 30, 9 - i * 2, 1100) + box(x - 30, top + i * 30 + 10, 70, 5))
      .join(''),
    '#2c241d',
  );
  let wires = '';
  for (let j = 0; j < 3; j++)
    for (let i = 0; i < 2; i++) {
      const [a, b] = [px[i]!, px[i + 1]!],
        ya = top + i * 30 + 12 + j * 14,
        yb = top + (i + 1) * 30 + 12 + j * 14;
      wires += `M${fi(a - 25 + j * 25)} ${fi(ya)}Q${fi((a + b) / 2)} ${fi((ya + yb) / 2 + 70)} ${fi(b - 25 + j * 25)} ${fi(yb)}`;
    }
  s.add(`<path d="${wires}" fill="none" stroke="#2c241d" stroke-width="1.6"/>`);
  bloom(s, sx, sy, '#f3cf96', 0.35);
}
