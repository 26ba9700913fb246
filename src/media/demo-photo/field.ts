import { bloom, ell, f, fi, poly, sky, streaks, sun } from './canvas.ts';
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
  let d = `M-40 1010L-40 ${fi(y)}`;
  // Spikes closer than ~3 units merge into a flat band anyway, so the step never goes below that.
  for (let x = -40; x < s.W + 40; x += s.r(4, 10) * k + 3) {
    const hh = s.r(20, 55) * k + 2,
      w = 1.5 * k + 1;
    d += `L${fi(x)} ${fi(y - hh * s.r(0.1, 0.4))}L${f(x + w * 0.5)} ${f(y - hh)}L${fi(x + w)} ${fi(y - hh * s.r(0.1, 0.4))}`;
  }
  return `${d}L${fi(s.W + 40)} 1010Z`;
}

/** Draws millet fields at golden hour with farmers among the rows and out-of-focus stalks in front. */
export function field(s: Scene): void {
  const hy = s.r(520, 560),
    sx = s.r(0.2, 0.8) * s.W,
    sy = hy - s.r(40, 120);
  s.haze = '#e0bf90';
  sky(s, '#7d8fa0', '#dcbc92', '#f2cb92', hy);
  sun(s, sx, sy, 15, '#ffd49a');
  streaks(s, 5, 120, hy - 80, '#f7d9b4', 0.3);
  let far = '';
  for (let i = 0; i < 14; i++)
    far +=
      s.rnd() < 0.5
        ? acacia(s, s.r(0, s.W), hy + 3, s.r(25, 55))
        : shadeTree(s, s.r(0, s.W), hy + 3, s.r(30, 60), 10);
  s.path(far, s.fog('#4b4535', 0.4), s.blur(0.6));
  s.band(hy, 1000 - hy, [
    [0, '#c4a06a'],
    [0.4, '#9c7a4a'],
    [1, '#4d3b24'],
  ]);
  const rows = [0.03, 0.08, 0.16, 0.3, 0.55];
  rows.forEach((k, r) => {
    const y = hy + (1000 - hy) * k;
    if (r === 3) {
      let folk = '';
      for (let i = 0; i < 2 + Math.floor(s.r(0, 2)); i++) {
        const fy = y + s.r(10, 30),
          h = (fy - hy) * 1.5,
          x = s.r(0.1, 0.9) * s.W,
          dir = s.rnd() < 0.5 ? -1 : 1;
        folk +=
          person(s, x, fy, h) +
          poly([
            x + dir * h * 0.12,
            fy - h * 0.5,
            x + dir * h * 0.14,
            fy - h * 0.52,
            x + dir * h * 0.42,
            fy,
            x + dir * h * 0.39,
            fy,
          ]);
      }
      s.path(folk, s.fog('#2a2219', 0.8));
    }
    s.path(
      cropRow(s, y, k * 2.2 + 0.15),
      s.fog(r % 2 ? '#6a5532' : '#7b6338', 0.35 + k),
      r > 3 ? s.blur(1) : '',
    );
  });
  bloom(s, sx, sy, '#ffcf8a', 0.45);
  s.path(millet(s, 22, 1000, 1060, 300, 520, 2), '#3a2c19', s.blur(4));
}
