import { bloom, box, f, fi, openSky, poly } from './canvas.ts';
import type { Scene } from './canvas.ts';
import { person } from './people.ts';
import { blades, palm, shadeTree } from './plants.ts';

/** Draws a wide river at a low sun: a far bank of trees, pirogues with polers, reeds in the foreground. */
export function river(s: Scene): void {
  const hy = s.r(500, 560),
    sx = s.r(0.25, 0.75) * s.W;
  const { sy, light } = openSky(s, hy, sx);
  let bank = '';
  for (let x = s.r(-40, 0); x < s.W + 40; x += s.r(15, 70)) {
    bank += s.rnd() < 0.25 ? palm(s, x, hy, s.r(40, 90)) : shadeTree(s, x, hy + 2, s.r(25, 60), 10);
  }
  // The bank and boats are drawn once with an id; their reflections are mirrored <use> copies.
  s.path(bank, s.fog('#4d4a38', 0.42), ' id="bank"');
  s.path(box(-10, hy - 6, s.W + 20, 10), s.fog('#4d4a38', 0.5));
  s.band(hy + 3, 1000 - hy, [
    [0, '#e8c99c'],
    [0.25, '#a49685'],
    [1, '#3c4549'],
  ]);
  s.add(
    `<g transform="translate(0 ${f(2 * hy + 8)}) scale(1 -1)" opacity="0.3"${s.blur(3)}><use href="#bank"/></g>`,
  );
  for (let i = 0; i < 90; i++) {
    const y = hy + 6 + (1000 - hy) * s.rnd() ** 1.8,
      k = (y - hy) / (1000 - hy),
      spread = 30 + k * 260;
    s.glow(sx + s.r(-spread, spread), y, s.r(10, 40) * (0.3 + k * 2), 1 + k * 3, '#ffe6bc', 0.6);
  }
  let rip = '';
  for (let i = 0; i < 60; i++) {
    const y = hy + 10 + (1000 - hy) * s.rnd() ** 1.5,
      k = (y - hy) / (1000 - hy);
    rip += box(s.r(-50, s.W), y, s.r(60, 400) * (0.3 + k), 0.6 + k * 2.5);
  }
  s.path(rip, '#2f383c', ' opacity="0.35"');
  const n = 1 + Math.floor(s.r(0, 3));
  for (let i = 0; i < n; i++) {
    const y = hy + (1000 - hy) * s.r(0.12, 0.55),
      k = (y - hy) / (1000 - hy),
      L = 120 + 520 * k,
      x = s.r(0.1, 0.9) * s.W;
    const q = (a: number, b: number): string => `${fi(x + a * L)} ${fi(y + b * L)}`;
    const hull = `M${q(-0.5, -0.07)}Q${q(-0.3, 0.035)} ${q(0, 0.04)}Q${q(0.3, 0.035)} ${q(0.5, -0.07)}Q${q(0, -0.005)} ${q(-0.5, -0.07)}Z`;
    const px = x + s.r(-0.3, 0.3) * L,
      ph = L * 0.36;
    const man =
      person(s, px, y - L * 0.01, ph, 0.5) +
      poly([
        px + ph * 0.12,
        y - ph * 0.62,
        px + ph * 0.14,
        y - ph * 0.62,
        px + ph * 0.5,
        y + ph * 0.25,
        px + ph * 0.48,
        y + ph * 0.25,
      ]);
    const c = s.fog('#231f1b', 0.6 + k * 0.5);
    s.path(hull + man, c, ` id="boat${i}"`);
    s.add(
      `<g transform="translate(0 ${f(2 * y + L * 0.08)}) scale(1 -1)" opacity="0.35"${s.blur(2)}><use href="#boat${i}"/></g>`,
    );
  }
  bloom(s, sx, sy, light, 0.45);
  // Two paths, not one: a single blurred path would blur the whole empty width between the clumps.
  s.path(blades(s, 70, -40, s.W * 0.22, 1000, 1040, 180, 420), '#25241b', s.blur(3));
  s.path(blades(s, 40, s.W * 0.85, s.W + 40, 1000, 1040, 120, 320), '#25241b', s.blur(3));
}
