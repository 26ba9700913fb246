import type { PhotoTheme } from '../seed/articles/types.ts';
import { assembly } from './demo-photo/assembly.ts';
import { Scene, f, fi, mulberry32 } from './demo-photo/canvas.ts';
import { city } from './demo-photo/city.ts';
import { convoy } from './demo-photo/convoy.ts';
import { field } from './demo-photo/field.ts';
import { landscape } from './demo-photo/landscape.ts';
import { market } from './demo-photo/market.ts';
import { night } from './demo-photo/night.ts';
import { river } from './demo-photo/river.ts';
import { school } from './demo-photo/school.ts';
import { stadium } from './demo-photo/stadium.ts';

const SCENES: Record<PhotoTheme, (s: Scene) => void> = {
  landscape,
  city,
  market,
  assembly,
  convoy,
  river,
  school,
  field,
  stadium,
  night,
};

// Mixing a theme hash into the seed keeps e.g. seed 1 of 'city' unrelated to seed 1 of 'river'.
function hashTheme(theme: string): number {
  let h = 2166136261;
  for (const c of theme) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Renders a deterministic, photograph-like SVG illustration of a theme for a seed and pixel size. */
export function renderDemoPhotoSvg({
  theme,
  seed,
  width,
  height,
}: {
  theme: PhotoTheme;
  seed: number;
  width: number;
  height: number;
}): string {
  // Scenes draw on a canvas 1000 units high whose width follows the requested aspect ratio.
  const W = (1000 * width) / height;
  const s = new Scene(W, mulberry32((seed ^ hashTheme(theme)) >>> 0), height / 1000);
  SCENES[theme](s);
  // Grain is rendered once into a small tile: full-frame feTurbulence costs ~0.4 s at 1600 px.
  const grain = Math.min(0.95, 0.75 * (height / 1000));
  s.defs.push(
    `<filter id="gn" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="${Math.round(grain * 100) / 100}" numOctaves="2" seed="${Math.abs(seed) % 997}"/><feColorMatrix values="0 0 0 1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 0 1"/></filter>`,
    `<pattern id="gp" width="233" height="233" patternUnits="userSpaceOnUse"><rect width="233" height="233" filter="url(#gn)"/></pattern>`,
    `<radialGradient id="vg" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#100c08" stop-opacity="0.55"/></radialGradient>`,
  );
  const full = `x="-10" y="-10" width="${fi(W + 20)}" height="1020"`;
  // A cool soft-light wash mutes the palette like a flat photographic grade; then vignette and grain.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${f(W)} 1000" preserveAspectRatio="none">` +
    `<defs>${s.defs.join('')}</defs>${s.body.join('')}` +
    `<rect ${full} fill="#2a3540" opacity="0.18" style="mix-blend-mode:soft-light"/>` +
    `<rect ${full} fill="url(#vg)"/>` +
    `<rect ${full} fill="url(#gp)" opacity="0.22" style="mix-blend-mode:overlay"/></svg>`
  );
}
