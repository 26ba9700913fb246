/**
 * Trees, grass and ground cover for the demo photo generator.
 */
import { dome, ell, f, fi, poly } from './canvas.ts';
import type { Scene } from './canvas.ts';

/** Umbrella-thorn acacia: a forked, leaning trunk under a flat, ragged, layered canopy. */
export function acacia(s: Scene, x: number, y: number, h: number): string {
  const cw = h * s.r(1.2, 2),
    top = y - h,
    lean = s.r(-0.1, 0.1) * h,
    fy = y - h * s.r(0.3, 0.45),
    tw = h * 0.028;
  let d = poly([x - tw, y, x + lean - tw * 0.6, fy, x + lean + tw * 0.6, fy, x + tw, y]);
  const limbs = 2 + Math.floor(s.r(0, 3));
  for (let i = 0; i < limbs; i++) {
    const bx = x + lean + cw * ((i + 0.5) / limbs - 0.5) * s.r(0.5, 0.8),
      by = top + h * s.r(0.06, 0.1),
      lw = tw * 0.6;
    const mx = (x + lean + bx) / 2 + s.r(-0.05, 0.05) * h,
      my = (fy + by) / 2;
    d += `M${f(x + lean - lw)} ${f(fy + 4)}Q${f(mx - lw)} ${f(my)} ${f(bx - lw * 0.4)} ${f(by)}L${f(bx + lw * 0.4)} ${f(by)}Q${f(mx + lw)} ${f(my)} ${f(x + lean + lw)} ${f(fy)}Z`;
  }
  // A ragged, clumpy outline reads as foliage; smooth ellipses read as a cartoon.
  const tiers = s.rnd() < 0.45 ? 2 : 1;
  for (let t = 0; t < tiers; t++) {
    const ty = top + h * (t ? s.r(0.1, 0.16) : 0),
      half = cw * (t ? s.r(0.35, 0.55) : 0.5),
      tx = x + lean + (t ? s.r(-0.25, 0.25) * cw : 0);
    const th = h * s.r(0.09, 0.14),
      up: number[] = [],
      dn: number[] = [],
      ph = s.r(0, 6),
      fq = s.r(9, 14);
    for (let i = 0; i <= 24; i++) {
      const u = i / 12 - 1,
        env = Math.sqrt(1 - u * u * 0.97),
        clump = Math.sin(u * fq + ph) * 0.5 + 0.5;
      up.push(tx + u * half, ty - th * env * (0.25 + 0.2 * clump + s.r(0, 0.1)));
      dn.unshift(tx + u * half + s.r(-2, 2), ty + th * env * (0.35 + 0.5 * clump + s.r(0, 0.15)));
    }
    d += poly([...up, ...dn]);
  }
  return d;
}

/** A broadleaf shade tree (neem, mango): a forked trunk under a broad, dense, lumpy crown. */
export function shadeTree(s: Scene, x: number, y: number, h: number, lumps = 26): string {
  const w = h * s.r(0.45, 0.65),
    cy = y - h * 0.6,
    t = h * 0.035,
    fy = y - h * 0.3;
  let d = poly([x - t * 1.4, y, x - t, h < 90 ? cy : fy, x + t, h < 90 ? cy : fy, x + t * 1.4, y]);
  // Limbs rise steeply and then spread, ending inside the crown so no bare fork shows below it;
  // on small, distant trees they would be invisible bytes.
  for (const u of h < 90 ? [] : [-0.55, 0.05, 0.6]) {
    const ex = x + u * w * s.r(0.6, 0.9),
      ey = cy - h * s.r(0, 0.08),
      lw = t * 0.55,
      mx = x + (ex - x) * 0.2,
      my = (fy + ey) / 2;
    d += `M${f(x - lw)} ${f(fy + t)}Q${f(mx - lw)} ${f(my)} ${f(ex - lw * 0.4)} ${f(ey)}L${f(ex + lw * 0.4)} ${f(ey)}Q${f(mx + lw)} ${f(my)} ${f(x + lw)} ${f(fy + t)}Z`;
  }
  for (let i = 0; i < lumps; i++) {
    const a = s.r(-0.4, Math.PI + 0.4),
      rr = Math.sqrt(s.rnd());
    d += ell(
      x + Math.cos(a) * w * rr * 0.85,
      cy - Math.sin(a) * h * 0.26 * rr,
      w * s.r(0.18, 0.32),
      h * s.r(0.09, 0.15),
    );
  }
  // A fringe of smaller lumps gives the crown a ragged, slightly flattened underside.
  for (let i = 0; i < lumps / 4; i++) {
    d += ell(
      x + s.r(-0.8, 0.8) * w,
      cy + h * s.r(0.04, 0.1),
      w * s.r(0.1, 0.2),
      h * s.r(0.05, 0.08),
    );
  }
  return d;
}

/** A date or doum palm: a slim curved trunk and a crown of drooping fronds. */
export function palm(s: Scene, x: number, y: number, h: number): string {
  const bend = s.r(-0.12, 0.12) * h,
    tx = x + bend,
    ty = y - h,
    w = h * 0.02;
  let d = `M${f(x - w * 1.4)} ${f(y)}Q${f(x + bend * 0.1)} ${f(y - h * 0.5)} ${f(tx - w * 0.8)} ${f(ty)}L${f(tx + w * 0.8)} ${f(ty)}Q${f(x + bend * 0.1 + w * 2)} ${f(y - h * 0.5)} ${f(x + w * 1.4)} ${f(y)}Z`;
  for (let i = 0; i < 15; i++) {
    const a = -Math.PI / 2 + s.r(-1.9, 1.9),
      L = h * s.r(0.22, 0.32),
      droop = L * s.r(0.3, 0.7) * Math.abs(Math.sin(a / 2 + Math.PI / 4));
    const ex = tx + Math.cos(a) * L,
      ey = ty + Math.sin(a) * L * 0.55 + droop,
      cx = tx + Math.cos(a) * L * 0.55,
      cy = ty + Math.sin(a) * L * 0.45;
    d += `M${f(tx)} ${f(ty - 1)}Q${f(cx)} ${f(cy - L * 0.07)} ${f(ex)} ${f(ey)}Q${f(cx)} ${f(cy + L * 0.05)} ${f(tx)} ${f(ty + 2)}Z`;
  }
  return d;
}

/** Grass, reed or millet blades as one path of thin, bent quads (integer coordinates: they are blurred). */
export function blades(
  s: Scene,
  n: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  h0: number,
  h1: number,
): string {
  let d = '';
  for (let i = 0; i < n; i++) {
    const x = s.r(x0, x1),
      y = s.r(y0, y1),
      h = s.r(h0, h1),
      b = s.r(-0.35, 0.35) * h,
      w = h * 0.012 + 0.6;
    d += `M${fi(x - w)} ${fi(y)}q${fi(b * 0.3 + w)} ${fi(-h * 0.6)} ${fi(b + w)} ${fi(-h)}q${fi(-b * 0.7 + w)} ${fi(h * 0.4)} ${fi(w)} ${fi(h)}Z`;
  }
  return d;
}

/** Scatters tonal patches and low bushes over the ground below horizon hy, sized and hazed by distance. */
export function ground(
  s: Scene,
  n: number,
  hy: number,
  y1: number,
  c: string,
  light: string,
): void {
  for (let i = 0; i < n / 8; i++) {
    const y = hy + (1000 - hy) * s.rnd() ** 1.5,
      k = (y - hy) / (1000 - hy) + 0.1;
    s.glow(s.r(0, s.W), y, s.r(150, 500) * k, s.r(8, 30) * k, s.rnd() < 0.5 ? c : light, 0.22);
  }
  // Flat-bottomed domes sit on the ground; full ellipses look like floating pebbles.
  for (let band = 0; band < 3; band++) {
    let d = '';
    for (let i = 0; i < n / 3; i++) {
      const y = hy + (y1 - hy) * ((band + s.rnd()) / 3) ** 2,
        k = (y - hy) / (1000 - hy),
        sz = s.r(3, 18) * k + 0.8;
      let x = s.r(-20, s.W + 20);
      for (let j = 0; j < 3; j++, x += sz * s.r(0.5, 1))
        d += dome(x, y, sz * s.r(0.5, 0.9), sz * s.r(0.4, 0.9));
    }
    s.path(d, s.fog(c, 0.3 + band * 0.25));
  }
}
