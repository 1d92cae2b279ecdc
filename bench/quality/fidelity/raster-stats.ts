/**
 * What a raster looks like in numbers, to compare canvas drawings with MNIST digits: ink per
 * image, the inked bounding box, the centre of mass, the slant (how x drifts with y) and the
 * stroke width (2 × area / perimeter of the pixels over half ink: a line of width w and length
 * L has area L·w and perimeter ≈ 2L).
 */
export interface RasterStats {
  ink: number;
  boxWidth: number;
  boxHeight: number;
  centreX: number;
  centreY: number;
  slant: number;
  strokeWidth: number;
  /** Share of images with ink in the outermost row or column. */
  touchesBorder: number;
}

const KEYS: (keyof RasterStats)[] = [
  'ink',
  'boxWidth',
  'boxHeight',
  'centreX',
  'centreY',
  'slant',
  'strokeWidth',
  'touchesBorder',
];

function statsOf(image: Float32Array, size: number): RasterStats {
  let ink = 0;
  let mx = 0;
  let my = 0;
  let minX = size;
  let maxX = -1;
  let minY = size;
  let maxY = -1;
  let area = 0;
  let perimeter = 0;
  const on = (x: number, y: number) => x >= 0 && y >= 0 && x < size && y < size && image[y * size + x] > 0.5;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = image[y * size + x];
      ink += v;
      mx += v * x;
      my += v * y;
      if (v > 0.1) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      if (on(x, y)) {
        area++;
        for (const [dx, dy] of [
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
        ])
          if (!on(x + dx, y + dy)) perimeter++;
      }
    }
  }
  const cx = ink > 0 ? mx / ink : 0;
  const cy = ink > 0 ? my / ink : 0;
  let sxy = 0;
  let syy = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = image[y * size + x];
      sxy += v * (x - cx) * (cy - y);
      syy += v * (y - cy) * (y - cy);
    }
  }
  let border = 0;
  for (let i = 0; i < size; i++) {
    if (image[i] > 0 || image[(size - 1) * size + i] > 0 || image[i * size] > 0 || image[i * size + size - 1] > 0)
      border = 1;
  }
  return {
    ink,
    boxWidth: maxX >= minX ? maxX - minX + 1 : 0,
    boxHeight: maxY >= minY ? maxY - minY + 1 : 0,
    centreX: cx,
    centreY: cy,
    slant: syy > 0 ? sxy / syy : 0,
    strokeWidth: perimeter > 0 ? (2 * area) / perimeter : 0,
    touchesBorder: border,
  };
}

/** Means over `count` images. */
export function meanStats(images: Float32Array, count: number, size: number): RasterStats {
  const sum = Object.fromEntries(KEYS.map((k) => [k, 0])) as unknown as RasterStats;
  const px = size * size;
  for (let i = 0; i < count; i++) {
    const s = statsOf(images.subarray(i * px, (i + 1) * px), size);
    for (const k of KEYS) sum[k] += s[k];
  }
  for (const k of KEYS) sum[k] /= Math.max(count, 1);
  return sum;
}

export function statsLine(name: string, s: RasterStats): string {
  return (
    `${name.padEnd(16)} ink ${s.ink.toFixed(1).padStart(6)}  box ${s.boxWidth.toFixed(1)}×${s.boxHeight.toFixed(1)}  ` +
    `centre (${s.centreX.toFixed(1)}, ${s.centreY.toFixed(1)})  slant ${s.slant.toFixed(2).padStart(5)}  ` +
    `stroke ${s.strokeWidth.toFixed(2)} px  at border ${(100 * s.touchesBorder).toFixed(0)} %`
  );
}
