/**
 * Draws the app icon (build/icon.png, 1024×1024): a rounded tile with a faint latent grid
 * and one pen stroke crossing it. electron-builder derives the .icns and .ico from it. The
 * studio page's own icon (src/renderer/public/icon.png, 64×64) is the same tile, averaged down,
 * so browser mode shows it in its tab instead of asking for a favicon that is not there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { encodeRgbaPng } from '../src/engine/image/png';

const SIZE = 1024;
const pixels = new Uint8Array(SIZE * SIZE * 4);

function blend(x: number, y: number, rgb: [number, number, number], alpha: number) {
  if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || alpha <= 0) return;
  const i = (y * SIZE + x) * 4;
  const a = Math.min(1, alpha);
  for (let c = 0; c < 3; c++) pixels[i + c] = Math.round(pixels[i + c] * (1 - a) + rgb[c] * a);
  pixels[i + 3] = Math.max(pixels[i + 3], Math.round(a * 255));
}

// Tile: rounded square, deep blue.
const radius = 200;
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const dx = Math.max(radius - x, x - (SIZE - 1 - radius), 0);
    const dy = Math.max(radius - y, y - (SIZE - 1 - radius), 0);
    const inside = radius - Math.hypot(dx, dy);
    blend(x, y, [34, 48, 110], Math.max(0, Math.min(1, inside + 0.5)));
  }
}
// Latent grid: dots at normal-quantile-like spacing.
for (let gy = 0; gy < 7; gy++) {
  for (let gx = 0; gx < 7; gx++) {
    const cx = 180 + gx * 110;
    const cy = 180 + gy * 110;
    for (let y = -14; y <= 14; y++)
      for (let x = -14; x <= 14; x++)
        blend(cx + x, cy + y, [120, 150, 255], 0.55 * Math.max(0, Math.min(1, 12 - Math.hypot(x, y))));
  }
}
// One stroke: a smooth "S"-like curve in white.
for (let t = 0; t <= 1; t += 0.0005) {
  const x = 220 + 580 * t;
  const y = 520 + 230 * Math.sin(t * Math.PI * 2) * (1 - 0.3 * t);
  for (let oy = -40; oy <= 40; oy++) {
    for (let ox = -40; ox <= 40; ox++) {
      const d = Math.hypot(ox, oy);
      blend(Math.round(x + ox), Math.round(y + oy), [255, 255, 255], Math.max(0, Math.min(1, 36 - d)));
    }
  }
}

/** The tile averaged over square blocks (premultiplied, so the rounded edge stays clean). */
function downscale(to: number): Uint8Array {
  const block = SIZE / to;
  const out = new Uint8Array(to * to * 4);
  for (let oy = 0; oy < to; oy++) {
    for (let ox = 0; ox < to; ox++) {
      const sum = [0, 0, 0, 0];
      for (let y = oy * block; y < (oy + 1) * block; y++) {
        for (let x = ox * block; x < (ox + 1) * block; x++) {
          const i = (y * SIZE + x) * 4;
          const a = pixels[i + 3] / 255;
          for (let c = 0; c < 3; c++) sum[c] += pixels[i + c] * a;
          sum[3] += a;
        }
      }
      const o = (oy * to + ox) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = sum[3] > 0 ? Math.round(sum[c] / sum[3]) : 0;
      out[o + 3] = Math.round((sum[3] / (block * block)) * 255);
    }
  }
  return out;
}

mkdirSync('build', { recursive: true });
writeFileSync('build/icon.png', encodeRgbaPng(pixels, SIZE, SIZE));
mkdirSync('src/renderer/public', { recursive: true });
writeFileSync('src/renderer/public/icon.png', encodeRgbaPng(downscale(64), 64, 64));
console.log('wrote build/icon.png and src/renderer/public/icon.png');
