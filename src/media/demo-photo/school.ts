import { bloom, box, poly, ridge, sky, streaks } from './canvas.ts';
import type { Scene } from './canvas.ts';
import { person } from './people.ts';
import { shadeTree } from './plants.ts';

/** Draws a single-storey school with a blackboard-green wall, a shade tree and children in the yard. */
export function school(s: Scene): void {
  const hy = 610,
    side = s.rnd() < 0.5 ? -1 : 1,
    W = s.W;
  s.haze = '#dacbb0';
  sky(s, '#86a0b3', '#cfd2c8', '#e5d9c1', hy);
  streaks(s, 5, 80, 400, '#f7f2e6', 0.4);
  ridge(s, hy - 4, 8, s.fog('#6f6a52', 0.35), 60);
  let far = '';
  for (let i = 0; i < 9; i++) far += shadeTree(s, s.r(0, W), hy + 4, s.r(60, 120), 12);
  s.path(far, s.fog('#4e5a3f', 0.4), s.blur(0.8));
  s.band(hy, 1000 - hy, [
    [0, '#cba77b'],
    [0.5, '#b08860'],
    [1, '#7f5f42'],
  ]);
  const x0 = W * s.r(0.06, 0.3),
    bw = W * s.r(0.55, 0.68),
    top = 450,
    base = 720,
    roofH = 36,
    // Galvanised sheet when new, rust-brown once the rains have had a few seasons at it.
    roof = s.pick([
      ['#9aa0a0', '#6d7373'],
      ['#9a7c66', '#6e5443'],
    ]);
  s.glow(x0 + bw / 2 + side * 60, base + 6, bw * 0.6, 22, '#4a3624', 0.6);
  s.path(
    box(x0, top, bw, base - top),
    s.grad(
      [
        [0, side > 0 ? '#2f3b35' : '#4a5a4f'],
        [1, side > 0 ? '#4a5a4f' : '#2f3b35'],
      ],
      1,
      0,
    ),
  );
  s.path(box(x0, base - 40, bw, 40), '#262e2a');
  s.band(base - 60, 60, [
    [0, '#8a6a4a', 0],
    [1, '#8a6a4a', 0.45],
  ]);
  s.path(box(x0, top, bw, 40), '#1e2421', ' opacity="0.6"');
  let win = '',
    slats = '';
  for (let x = x0 + 50; x < x0 + bw - 90; x += 150) {
    const door = s.rnd() < 0.3;
    win += box(x, door ? 520 : 530, 80, door ? 180 : 95);
    if (!door) for (let y = 538; y < 620; y += 12) slats += box(x + 4, y, 72, 5);
  }
  s.path(win, '#171b19');
  s.path(slats, '#7d8a8c', ' opacity="0.7"');
  s.path(
    poly([
      x0 - 30,
      top + 8,
      x0 - 10,
      top - roofH,
      x0 + bw + 10,
      top - roofH,
      x0 + bw + 30,
      top + 8,
    ]),
    s.grad([
      [0, roof[0]!],
      [1, roof[1]!],
    ]),
  );
  let rib = '';
  for (let x = x0; x < x0 + bw; x += 14) rib += box(x, top - roofH + 2, 3, roofH + 4);
  s.path(rib, '#3e3a38', ' opacity="0.35"');
  const tx = side > 0 ? x0 + bw + s.r(100, 220) : x0 - s.r(100, 220);
  s.glow(tx - side * 120, 820, 360, 55, '#3a2a1c', 0.55);
  s.path(shadeTree(s, tx, 820, s.r(480, 560)), '#2e3526');
  const kids = ['', '', ''];
  for (let i = 0; i < 16; i++) {
    const y = s.r(730, 920),
      k = (y - hy) / (1000 - hy),
      x = s.r(0.05, 0.95) * W,
      c = Math.floor(s.r(0, 3));
    kids[c] += person(s, x, y, 210 * k * s.r(0.8, 1.05), s.r(0.4, 1), true);
    s.glow(x - side * 25 * k, y, 60 * k, 5 * k + 1, '#3a2a1c', 0.5);
  }
  ['#2a2520', '#4a3c5a', '#6a4030'].forEach((c, i) => s.path(kids[i]!, c));
  bloom(s, side > 0 ? W : 0, 150, '#fff1d6', 0.35, 1.6);
}
