import { bloom, ell, f, fi, mix, openSky, poly } from './canvas.ts';
import type { Scene } from './canvas.ts';
import { person } from './people.ts';
import { acacia, shadeTree } from './plants.ts';

/** Millet plants: a stalk, a couple of arching leaves and a long seed head (integer coordinates for blurred rows). */
function millet(
  s: Scene,
  n: number,
  y0: number,
  y1: number,
  h0: number,
  h1: number,
  leaves = 0,
): string {
  let d = '';
  for (let i = 0; i < n; i++) {
    const x = s.r(-20, s.W + 20),
      y = s.r(y0, y1),
      h = s.r(h0, h1),
      b = s.r(-0.08, 0.08) * h,
      w = h * 0.008 + 0.5;
    d += `M${fi(x - w)} ${fi(y)}Q${fi(x + b * 0.3)} ${fi(y - h * 0.6)} ${f(x + b)} ${f(y - h)}Q${fi(x + b * 0.3 + w)} ${fi(y - h * 0.6)} ${fi(x + w)} ${fi(y)}Z`;
    d += ell(x + b * 1.05, y - h * 1.08, w * 2.6, h * 0.09);
    for (let j = 0; j < leaves; j++) {
      const ly = y - h * s.r(0.3, 0.75),
        dir = s.rnd() < 0.5 ? -1 : 1,
        L = h * s.r(0.3, 0.5);
      d += `M${fi(x)} ${fi(ly)}Q${fi(x + dir * L * 0.5)} ${fi(ly - L * 0.45)} ${fi(x + dir * L)} ${fi(ly + L * 0.1)}Q${fi(x + dir * L * 0.5)} ${fi(ly - L * 0.3)} ${fi(x)} ${fi(ly + w * 6)}Z`;
    }
  }
  return d;
}

/** A dense crop row seen edge-on, from y down to the bottom: a ragged band of stalks topped by seed heads. */
function cropRow(s: Scene, y: number, k: number): string {
  const pts = [-40, 1010, -40, y],
    ph = s.r(0, 6);
  // Spikes closer than ~3 units merge into a flat band anyway, so the step never goes below that.
  for (let x = -40; x < s.W + 40; x += s.r(3, 12) * k + 3) {
    // The canopy swells and dips like a real stand of millet instead of a comb.
    const swell = 0.65 + 0.35 * Math.sin(x / 90 + ph) * Math.sin(x / 37 + ph * 2),
      yb = y - 14 * k * swell,
      hh = (s.r(15, 60) * swell + 8) * k + 3,
      w = 2 * k + 1.2;
    pts.push(x, yb - hh * s.r(0, 0.3), x + w * 0.45, yb - hh, x + w, yb - hh * s.r(0, 0.3));
  }
  return poly([...pts, s.W + 40, 1010]);
}

/** Draws millet fields at golden hour with farmers among the rows and out-of-focus stalks in front. */
export function field(s: Scene): void {
  const hy = s.r(520, 560),
    sx = s.r(0.2, 0.8) * s.W;
  const { sy, light, earth } = openSky(s, hy, sx);
  let far = '';
  for (let i = 0; i < 14; i++)
    far +=
      s.rnd() < 0.5
        ? acacia(s, s.r(0, s.W), hy + 3, s.r(25, 55))
        : shadeTree(s, s.r(0, s.W), hy + 3, s.r(30, 60), 10);
  s.path(far, s.fog('#4b4535', 0.4));
  s.band(hy, 1000 - hy, [
    [0, earth('#c4a06a')],
    [0.4, earth('#9c7a4a')],
    [1, earth('#4d3b24')],
  ]);
  const rows = [0.03, 0.08, 0.16, 0.3, 0.55];
  rows.forEach((k, r) => {
    const y = hy + (1000 - hy) * k,
      rk = k * 2.2 + 0.15;
    if (r === 3) {
      let folk = '';
      const n = 2 + Math.floor(s.r(0, 2));
      for (let i = 0; i < n; i++) {
        const fy = y + s.r(10, 30),
          h = (fy - hy) * 1.5,
          x = ((i + s.r(0.2, 0.8)) / n) * s.W,
          dir = s.rnd() < 0.5 ? -1 : 1,
          P = (dx: number, dy: number): number[] => [x + dir * dx * h, fy - dy * h];
        // The hoe: a handle from the hands down to a short blade on the ground.
        folk +=
          person(s, x, fy, h) +
          poly([...P(0.12, 0.5), ...P(0.14, 0.52), ...P(0.42, 0), ...P(0.39, 0)]) +
          poly([...P(0.36, 0), ...P(0.47, 0.03), ...P(0.47, 0.01)]);
      }
      s.path(folk, s.fog(earth('#2a2219'), 0.8));
    }
    // Backlit: seed heads read dark against the haze, each row sinking into its own shade below.
    const tip = (70 * rk + 3) / (1010 - y + 70 * rk + 3),
      base = earth(r % 2 ? '#5a4830' : '#6b5636'),
      t = Math.min(1, 0.5 + k * 1.2);
    s.path(
      cropRow(s, y, rk),
      s.grad([
        [0, s.fog(base, t)],
        [Math.min(1, tip * 3), s.fog(mix(base, light, 0.2), t)],
        [1, s.fog(mix(base, '#2a1f12', 0.5), t)],
      ]),
      r > 3 ? s.blur(1) : '',
    );
  });
  bloom(s, sx, sy, light, 0.45);
  s.path(millet(s, 22, 1000, 1060, 300, 520, 2), earth('#3a2c19'), s.blur(4));
}
