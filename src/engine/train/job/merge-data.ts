import type { TrainingData } from '../../data/training-data.types';

export const MERGE_ERRORS = {
  none: 'no training data given',
  mixedSize: 'training data files must share one raster recipe',
} as const;

/**
 * One TrainingData from several (e.g. one Quick, Draw! file per category): images appended,
 * labels remapped onto the union of class names, each part keeping its own split.
 */
export function mergeTrainingData(parts: TrainingData[]): TrainingData {
  if (parts.length === 0) throw new Error(MERGE_ERRORS.none);
  if (parts.length === 1) return parts[0];
  const first = parts[0];
  if (parts.some((p) => p.recipe !== first.recipe || p.imageSize !== first.imageSize))
    throw new Error(MERGE_ERRORS.mixedSize);
  const px = first.imageSize * first.imageSize;
  const count = parts.reduce((s, p) => s + p.count, 0);
  const images = new Uint8Array(count * px);
  const labels = new Int32Array(count);
  const classNames: string[] = [];
  const classIndex = new Map<string, number>();
  const train: number[] = [];
  const validation: number[] = [];
  let offset = 0;
  for (const p of parts) {
    images.set(p.images.subarray(0, p.count * px), offset * px);
    const map = p.classNames.map((name) => {
      let i = classIndex.get(name);
      if (i === undefined) {
        i = classNames.length;
        classNames.push(name);
        classIndex.set(name, i);
      }
      return i;
    });
    for (let i = 0; i < p.count; i += 1) labels[offset + i] = map[p.labels[i]] ?? 0;
    for (const i of p.trainIndex) train.push(offset + i);
    for (const i of p.validationIndex) validation.push(offset + i);
    offset += p.count;
  }
  return {
    source: parts.map((p) => p.source).join(','),
    recipe: first.recipe,
    imageSize: first.imageSize,
    count,
    images,
    labels,
    classNames,
    trainIndex: Int32Array.from(train),
    validationIndex: Int32Array.from(validation),
  };
}
