import { bloom, openSky, poly, ridge } from './canvas.ts';
import type { Scene } from './canvas.ts';
import { vehicle } from './people.ts';
import { acacia, blades, ground } from './plants.ts';

/** Draws a line of vehicles raising dust along a dirt track that climbs to the horizon. */
export function convoy(s: Scene): void {
  const hy = s.r(540, 580),
    sx = s.r(0.55, 0.9) * s.W;
  const { sy, light, earth } = openSky(s, hy, sx);
  ridge(s, hy - 12, 22, s.fog('#8a6e56', 0.3), 50);
  for (let i = 0; i < 6; i++)
    s.path(acacia(s, s.r(0, s.W), hy + s.r(0, 10), s.r(20, 45)), s.fog('#3f3a2e', 0.45));
  s.band(hy, 1000 - hy, [
    [0, earth('#c4a173')],
    [0.4, earth('#9f7c55')],
    [1, earth('#5b432e')],
  ]);
  ground(s, 180, hy, 930, earth('#524a33'), earth('#e5c693'));
  // The track climbs from the near left to the far right; vehicles shrink with distance along it.
  const bend = s.r(-60, 60);
  const at = (t: number): [number, number] => [
    -80 + t * s.W * 0.95 + Math.sin(t * Math.PI) * bend,
    990 - (990 - hy - 8) * Math.sqrt(t),
  ];
  const edge = (off: number, wk: number): number[] => {
    const pts: number[] = [];
    for (let t = 0; t <= 1.001; t += 0.05) {
      const [x, y] = at(t);
      pts.push(x, y + off * (3 + (y - hy) * wk));
    }
    return pts;
  };
  const road = (a: number, b: number, wk: number): string => {
    const back = edge(b, wk),
      out: number[] = [];
    for (let i = back.length - 2; i >= 0; i -= 2) out.push(back[i]!, back[i + 1]!);
    return poly([...edge(a, wk), ...out]);
  };
  s.group(s.blur(1.5), () => {
    s.path(road(-1, 1, 0.16), '#d4b388');
    s.path(road(-0.55, -0.35, 0.16) + road(0.35, 0.55, 0.16), '#8e7050', ' opacity="0.4"');
  });
  const n = 3 + Math.floor(s.r(0, 4));
  for (let i = n - 1; i >= 0; i--) {
    const t = 0.3 + (i / n) * 0.6 + s.r(0, 0.04),
      [x, y] = at(t),
      len = 14 + (y - hy) * 0.7,
      k = (y - hy) / (1000 - hy);
    for (let j = 0; j < 5; j++)
      s.glow(
        x - len * s.r(0.2, 1.8),
        y - len * s.r(0.1, 0.5),
        len * s.r(0.8, 1.8),
        len * s.r(0.3, 0.7),
        '#e6caa0',
        0.5,
      );
    const [body, glass] = vehicle(s, x, y, len);
    s.path(body, s.fog('#2a241e', 0.55 + k * 0.6), s.blur(0.6));
    s.path(glass, s.fog('#a89a88', 0.6), ' opacity="0.55"');
    s.glow(x + len * 0.5, y, len * 0.8, len * 0.06 + 1, '#2a2018', 0.5);
  }
  bloom(s, sx, sy, light, 0.4);
  s.path(blades(s, 180, -20, s.W + 20, 960, 1010, 40, 130), '#3b2d1f', s.blur(3));
}
