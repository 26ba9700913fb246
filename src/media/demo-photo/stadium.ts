import { box, fi, poly, sky } from './canvas.ts';
import type { Scene } from './canvas.ts';
import { person } from './people.ts';

/** Draws a floodlit stadium at dusk: packed stands, a striped pitch and players. */
export function stadium(s: Scene): void {
  const W = s.W,
    hy = s.r(560, 600),
    top = s.r(250, 300);
  s.haze = '#6a6370';
  sky(s, '#1f2e4a', '#5c5a74', '#b9866a', hy);
  s.glow(W / 2, top, W * 0.6, 200, '#c9b8a0', 0.3);
  // A colourful, quantised noise tile reads as thousands of spectators at a fraction of the bytes.
  s.defs.push(
    `<filter id="cr" x="0" y="0" width="100%" height="100%"><feTurbulence type="turbulence" baseFrequency="0.55" numOctaves="1" seed="${fi(s.r(0, 99))}"/><feComponentTransfer><feFuncR type="discrete" tableValues="0.12 0.5 0.26 0.66 0.18"/><feFuncG type="discrete" tableValues="0.12 0.2 0.3 0.58 0.22"/><feFuncB type="discrete" tableValues="0.15 0.22 0.44 0.52 0.13"/><feFuncA type="linear" slope="0" intercept="1"/></feComponentTransfer></filter>`,
    `<pattern id="crowd" width="150" height="150" patternUnits="userSpaceOnUse"><rect width="150" height="150" filter="url(#cr)"/></pattern>`,
  );
  s.path(box(-10, top, W + 20, hy - top), 'url(#crowd)');
  s.path(
    box(-10, top, W + 20, hy - top),
    s.grad([
      [0, '#0c0e14', 0.92],
      [0.5, '#1b1d26', 0.5],
      [1, '#2a2a33', 0.3],
    ]),
  );
  let tiers = '';
  for (let y = top + 60; y < hy - 20; y += 55) tiers += box(-10, y, W + 20, 4);
  s.path(tiers, '#8d8a8a', ' opacity="0.45"');
  s.path(poly([-10, top - 70, W + 10, top - 90, W + 10, top + 8, -10, top + 12]), '#14161c');
  let lamps = '';
  for (let x = 20; x < W; x += 70) lamps += box(x, top + 4, 16, 3);
  s.path(lamps, '#fff2d0');
  s.path(box(-10, hy - 26, W + 20, 26), '#1a2430');
  s.band(hy - 26, 26, [
    [0, '#3d7f9a', 0.3],
    [1, '#2f6a78', 0.1],
  ]);
  s.band(hy, 1000 - hy, [
    [0, '#47743f'],
    [1, '#223d1f'],
  ]);
  const vx = W / 2 + s.r(-200, 200),
    vy = hy - 1400;
  const at = (xb: number, y: number): number => vx + ((xb - vx) * (y - vy)) / (1000 - vy);
  let stripes = '';
  for (let i = -16; i < 16; i += 2)
    stripes += poly([
      at(vx + i * 110, hy),
      hy,
      at(vx + (i + 1) * 110, hy),
      hy,
      vx + (i + 1) * 110,
      1000,
      vx + i * 110,
      1000,
    ]);
  s.path(stripes, '#5b8a50', ' opacity="0.22"');
  s.add(
    `<path d="M-10 ${fi(hy + 30)}H${fi(W + 10)}M${fi(at(W / 2, hy + 30))} ${fi(hy + 30)}L${fi(W / 2)} 1010" stroke="#e6eadf" stroke-width="2.5" fill="none" opacity="0.6"/>`,
  );
  const teams = ['', ''];
  for (let i = 0; i < 12; i++) {
    const y = s.r(hy + 40, 900),
      k = (y - hy) / (1000 - hy),
      x = s.r(0.05, 0.95) * W;
    teams[i % 2] += person(s, x, y, 30 + 170 * k, 0.5);
    s.glow(x + 30 * k, y, 60 * k + 8, 4 + 6 * k, '#0d1a0c', 0.6);
  }
  s.path(teams[0]!, '#7a3a32');
  s.path(teams[1]!, '#a9a79c');
  for (const x of [W * s.r(0.06, 0.16), W * s.r(0.84, 0.94)]) {
    s.path(poly([x - 7, hy, x - 3, 90, x + 3, 90, x + 7, hy]), '#1a1c22');
    let grid = '';
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 6; c++) grid += box(x - 60 + c * 20, 40 + r * 16, 14, 10);
    s.path(box(x - 66, 34, 132, 70), '#22242c');
    s.path(grid, '#fffbe8');
    s.glow(x, 72, 260, 190, '#fff4d6', 0.5);
    s.glow(x, 72, 80, 55, '#ffffff', 0.85);
  }
  s.glow(W / 2, hy + 60, W * 0.6, 160, '#dfe8d0', 0.18);
}
