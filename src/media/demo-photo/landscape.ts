import { bloom, mix, openSky, ridge } from './canvas.ts';
import type { Scene } from './canvas.ts';
import { acacia, blades, ground } from './plants.ts';

/** Draws sahel savanna at a low sun: flat-topped acacias receding into haze over dry grass. */
export function landscape(s: Scene): void {
  const hy = s.r(590, 640),
    sx = s.r(0.15, 0.85) * s.W;
  const { sy, light, earth } = openSky(s, hy, sx);
  ridge(s, hy - 6, 10, s.fog('#7d6f5c', 0.3), 70);
  for (let i = 0; i < 9; i++)
    s.path(acacia(s, s.r(0, s.W), hy + s.r(-4, 8), s.r(22, 50)), s.fog('#3f3a2e', s.r(0.35, 0.55)));
  s.band(hy, 1000 - hy, [
    [0, earth('#c9ab7c')],
    [0.3, earth('#a2835a')],
    [1, earth('#4a3826')],
  ]);
  ground(s, 240, hy, 900, earth('#4a4630'), earth('#e3c898'));
  s.glow(sx, hy + 40, s.W * 0.3, 70, mix(light, '#c8a070', 0.3), 0.5);
  const n = 1 + Math.floor(s.r(0, 3));
  for (let i = 0; i < n; i++) {
    const y = s.r(hy + 40, hy + 160),
      k = (y - hy) / (1000 - hy);
    s.path(
      acacia(s, ((i + s.r(0.2, 0.8)) / n) * s.W, y, 120 + 500 * k),
      s.fog('#2a261f', 0.8 + k * 0.2),
    );
  }
  bloom(s, sx, sy, light, 0.45);
  // Out-of-focus dry grass in front; both layers stay darker than the ground behind (backlit).
  s.path(blades(s, 140, -20, s.W + 20, 905, 960, 20, 70), earth('#55442d'), s.blur(2));
  s.path(blades(s, 220, -20, s.W + 20, 950, 1010, 50, 150), earth('#3a2d1e'), s.blur(3));
}
