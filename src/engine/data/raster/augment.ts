import { seededRandom } from '../split';

/** How far the augmentation moves a digit; the defaults span what canvas drawings differ by. */
export interface AugmentRange {
  /** Scale about the centre: 1 ± this. */
  scale: number;
  /** Width against height: the width scaled by 1 ± this more than the height (narrow or wide hands). */
  aspect: number;
  /** Horizontal shear (slant) in x per y: ± this. */
  shear: number;
  /** Rotation in radians: ± this. */
  rotate: number;
  /** Shift in pixels: ± this on each axis. */
  shift: number;
  /** Stroke width change: thickened or thinned by up to this share of a pixel. */
  stroke: number;
}

export const DIGIT_AUGMENT: AugmentRange = {
  scale: 0.12,
  aspect: 0.15,
  shear: 0.35,
  rotate: 0.15,
  shift: 1.5,
  stroke: 0.7,
};

/**
 * Writes into `out` one randomly slanted, scaled, turned, shifted, thickened or thinned copy of
 * each of `count` size×size images in `src` (values in [0, 1]), seeded. Training on these as
 * well as the originals teaches a digit model the spread of hands the canvas brings, which the
 * 10k MNIST digits alone do not cover.
 */
export function augmentDigits(
  src: Float32Array,
  count: number,
  size: number,
  seed: number,
  out: Float32Array,
  range: AugmentRange = DIGIT_AUGMENT,
): void {
  const random = seededRandom(seed);
  const px = size * size;
  const spread = (r: number) => (2 * random() - 1) * r;
  const scratch = new Float32Array(px);
  const c = size / 2;
  for (let n = 0; n < count; n++) {
    const image = src.subarray(n * px, (n + 1) * px);
    const s = 1 + spread(range.scale);
    // No draw for a range without aspect, so copies made before it existed come out the same.
    const sx = range.aspect > 0 ? s * (1 + spread(range.aspect)) : s;
    const k = spread(range.shear);
    const a = spread(range.rotate);
    const tx = spread(range.shift);
    const ty = spread(range.shift);
    const thicken = spread(range.stroke);
    // forward map: p' = R·K·S·(p − c) + c + t, S = diag(sx, s); sample the source through its inverse
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const m00 = sx * cos;
    const m01 = s * (cos * k - sin);
    const m10 = sx * sin;
    const m11 = s * (sin * k + cos);
    const det = m00 * m11 - m01 * m10;
    const i00 = m11 / det;
    const i01 = -m01 / det;
    const i10 = -m10 / det;
    const i11 = m00 / det;
    const at = (x: number, y: number) => (x < 0 || y < 0 || x >= size || y >= size ? 0 : image[y * size + x]);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const dx = x + 0.5 - c - tx;
        const dy = y + 0.5 - c - ty;
        const sx = i00 * dx + i01 * dy + c - 0.5;
        const sy = i10 * dx + i11 * dy + c - 0.5;
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const fx = sx - x0;
        const fy = sy - y0;
        scratch[y * size + x] =
          at(x0, y0) * (1 - fx) * (1 - fy) +
          at(x0 + 1, y0) * fx * (1 - fy) +
          at(x0, y0 + 1) * (1 - fx) * fy +
          at(x0 + 1, y0 + 1) * fx * fy;
      }
    }
    const dst = out.subarray(n * px, (n + 1) * px);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const v = scratch[y * size + x];
        let w: number;
        if (thicken > 0) {
          // thicker: ink spreads from the four neighbours
          const l = x > 0 ? scratch[y * size + x - 1] : 0;
          const r = x < size - 1 ? scratch[y * size + x + 1] : 0;
          const u = y > 0 ? scratch[(y - 1) * size + x] : 0;
          const d = y < size - 1 ? scratch[(y + 1) * size + x] : 0;
          w = Math.max(v, thicken * Math.max(l, r, u, d));
        } else {
          // thinner: the faint edge of the stroke goes
          const cut = -thicken * 0.5;
          w = (v - cut) / (1 - cut);
        }
        dst[y * size + x] = w < 0 ? 0 : w > 1 ? 1 : w;
      }
    }
  }
}
