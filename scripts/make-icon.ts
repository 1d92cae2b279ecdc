/**
 * Draws the app icon (build/icon.png, 1024×1024): a rounded tile with a faint latent grid
 * and one pen stroke crossing it. electron-builder derives the .icns and .ico from it.
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

mkdirSync('build', { recursive: true });
writeFileSync('build/icon.png', encodeRgbaPng(pixels, SIZE, SIZE));
console.log('wrote build/icon.png');
