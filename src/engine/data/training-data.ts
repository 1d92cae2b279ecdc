import { existsSync, statSync } from 'node:fs';
import type { DataProblem } from './drawing.types';
import { DataErrors, DataFileError, throwIfAborted } from './errors';
import { fileChunks } from './formats/byte-stream';
import { openDataFile } from './formats/open';
import { parseQuickDrawBin } from './formats/quickdraw-bin';
import { mergeProblems } from './formats/parse-context';
import { readSiblingLabels } from './formats/read-idx-labels';
import { categoryFromFileName, idxClassNames } from './labels';
import { bitmapToBytes } from './raster/bitmap';
import { createRasterizer } from './raster/rasterize';
import { splitIndexes } from './split';
import { DatasetStore } from './store/dataset-store';
import { RECIPE_SIZE, type RasterRecipe, type TrainingData } from './training-data.types';

export interface LoadTrainingDataOptions {
  /** At most this many images (the first ones in file order). */
  limit?: number;
  /** Default 0.1 (a dataset's own split setting when loading from the store). */
  validationShare?: number;
  /** Seed of the reproducible split (default 1, or the dataset's). */
  seed?: number;
  signal?: AbortSignal;
  /** Where dataset ids are looked up (default: dataFolders().datasets). */
  store?: DatasetStore;
  /** Problems met while reading (the load goes on past them). */
  problems?: DataProblem[];
}

/** Images a collector starts with when the file does not say how many it holds. */
const UNKNOWN_COUNT_START = 1 << 12;

/**
 * Growable image/label buffers, in bytes. Where the file declares its count (IDX, .npy) the
 * images go straight into one block of that size, and that block is the result: no copy at the
 * end, so a 500,000-drawing file peaks at its own size. Otherwise the block doubles as needed.
 */
class Collector {
  private parts: Uint8Array[] = [];
  private current: Uint8Array;
  private used = 0;
  private labels: number[] = [];
  count = 0;

  constructor(
    private readonly pixels: number,
    expected: number | undefined,
  ) {
    // A declared count was checked against the format's limit; past the file's real end its
    // pages are never written, so they cost address space, not memory, until finish() trims.
    this.current = new Uint8Array(pixels * Math.max(1, expected ?? UNKNOWN_COUNT_START));
  }

  /** A view to write the next image into. */
  next(label: number): Uint8Array {
    if (this.used + this.pixels > this.current.length) {
      this.parts.push(this.current.subarray(0, this.used));
      this.current = new Uint8Array(Math.max(this.current.length * 2, this.pixels));
      this.used = 0;
    }
    const view = this.current.subarray(this.used, this.used + this.pixels);
    this.used += this.pixels;
    this.labels.push(label);
    this.count++;
    return view;
  }

  /** Exactly count images: a view over a bigger block would travel whole to a trainer. */
  finish(): { images: Uint8Array; labels: Int32Array } {
    const labels = Int32Array.from(this.labels);
    if (this.parts.length === 0 && this.used === this.current.length) return { images: this.current, labels };
    const images = new Uint8Array(this.count * this.pixels);
    let o = 0;
    for (const p of [...this.parts, this.current.subarray(0, this.used)]) {
      images.set(p, o);
      o += p.length;
    }
    return { images, labels };
  }
}

/**
 * Images ready for a model, from a data file (IDX with its sibling labels, .npy bitmaps,
 * Quick, Draw! .bin / .ndjson rasterised with the recipe) or a dataset id in the store.
 */
export async function loadTrainingData(
  source: string,
  recipe: RasterRecipe,
  options: LoadTrainingDataOptions = {},
): Promise<TrainingData> {
  const isFile = existsSync(source) && statSync(source).isFile();
  if (isFile) return loadFromFile(source, recipe, options);
  const store = options.store ?? new DatasetStore();
  if (/^ds-[a-z0-9-]+$/.test(source) && (await store.has(source))) return loadFromStore(store, source, recipe, options);
  throw new Error(DataErrors.sourceNotFound(source));
}

function finish(
  source: string,
  recipe: RasterRecipe,
  collector: Collector,
  classNames: string[],
  options: LoadTrainingDataOptions,
  defaults: { seed?: number; validationShare?: number } = {},
): TrainingData {
  const { images, labels } = collector.finish();
  const split = splitIndexes(
    collector.count,
    options.validationShare ?? defaults.validationShare,
    options.seed ?? defaults.seed,
  );
  const size = RECIPE_SIZE[recipe];
  return { source, recipe, imageSize: size, count: collector.count, images, labels, classNames, ...split };
}

async function loadFromFile(
  path: string,
  recipe: RasterRecipe,
  options: LoadTrainingDataOptions,
): Promise<TrainingData> {
  const size = RECIPE_SIZE[recipe];
  const problems = options.problems ?? [];
  let labels: Uint8Array | undefined;
  let classNames: string[];
  let file = await openDataFile(path, { signal: options.signal, limit: options.limit });
  if (file.format === 'idx-labels') {
    await file.close();
    throw new DataFileError(DataErrors.notImages(file.format), path);
  }
  if (file.format === 'idx-images') {
    classNames = idxClassNames(path);
    labels = await readSiblingLabels(path, problems, options.signal);
    if (labels) {
      await file.close();
      file = await openDataFile(path, { signal: options.signal, limit: options.limit, labels });
    }
  } else {
    classNames = [categoryFromFileName(path)];
  }
  const names = new Map(classNames.map((n, i) => [n, i]));
  const labelOf = (word: string | undefined): number => {
    if (word === undefined) return 0;
    let i = names.get(word);
    if (i === undefined) {
      i = classNames.length;
      classNames.push(word);
      names.set(word, i);
    }
    return i;
  };
  const raster = createRasterizer(recipe);
  const known = [options.limit, file.declaredCount].filter((n): n is number => n !== undefined);
  const collector = new Collector(size * size, known.length > 0 ? Math.min(...known) : undefined);
  const scratch = new Float32Array(size * size);
  if (file.format === 'quickdraw-bin') {
    // The fast path: pixels straight from the record bytes, no stroke objects.
    for await (const { buf, starts } of file.binSpans()) {
      throwIfAborted(options.signal);
      for (const pos of starts) raster.renderBinRecordBytes(buf, pos, collector.next(0));
    }
  } else {
    for await (const batch of file.batches()) {
      throwIfAborted(options.signal);
      for (const record of batch) {
        if (record.kind === 'drawing') {
          raster.renderBytes(record.strokes, collector.next(labelOf(record.word)));
        } else if (record.kind === 'image') {
          const out = collector.next(record.label ?? 0);
          bitmapToBytes(record.pixels, record.width, record.height, size, out, scratch);
        }
      }
    }
  }
  // The reader reports images and labels that do not pair up, and leaves unlabelled images out.
  mergeProblems(problems, file.problems);
  return finish(path, recipe, collector, classNames, options);
}

async function loadFromStore(
  store: DatasetStore,
  id: string,
  recipe: RasterRecipe,
  options: LoadTrainingDataOptions,
): Promise<TrainingData> {
  const manifest = await store.get(id);
  const count = options.limit === undefined ? manifest.count : Math.min(options.limit, manifest.count);
  const labels = (await store.labels(id)).subarray(0, count);
  const size = RECIPE_SIZE[recipe];
  const collector = new Collector(size * size, count);
  const rasters = fileChunks(store.file(id, 'raster28'), { gzip: false, signal: options.signal });
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  if (recipe === 'quickdraw28') {
    // The stored raster is the quickdraw28 rendering already.
    for await (const chunk of rasters) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let pos = 0;
      for (; pos + 784 <= pending.length && index < count; pos += 784, index++) {
        collector.next(labels[index]).set(pending.subarray(pos, pos + 784));
      }
      pending = Buffer.from(pending.subarray(pos));
      if (index >= count) break;
    }
  } else {
    // Other recipes re-render the strokes; bitmap-only items (0 strokes) are resized.
    const raster = createRasterizer(recipe);
    const scratch = new Float32Array(size * size);
    const rasterIterator = rasters[Symbol.asyncIterator]();
    const ctx = { file: store.file(id, 'drawings'), problems: options.problems ?? [], limit: count };
    for await (const batch of parseQuickDrawBin(fileChunks(ctx.file, { gzip: false, signal: options.signal }), ctx)) {
      for (const record of batch) {
        while (pending.length < 784) {
          const next = await rasterIterator.next();
          if (next.done) break;
          pending = pending.length ? Buffer.concat([pending, next.value]) : next.value;
        }
        const out = collector.next(labels[index]);
        if (record.strokes.length > 0) raster.renderBytes(record.strokes, out);
        else bitmapToBytes(new Uint8Array(pending.subarray(0, 784)), 28, 28, size, out, scratch);
        pending = pending.subarray(784);
        index++;
      }
    }
    await rasterIterator.return?.(undefined);
  }
  return finish(id, recipe, collector, [...manifest.categories], options, manifest.split);
}
