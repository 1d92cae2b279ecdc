import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataRecord, DrawingRecord, FormatName, ImageRecord } from '../drawing.types';
import { AbortedError, DataErrors, DataFileError, throwIfAborted } from '../errors';
import { encodeQuickDrawBinRecord } from '../formats/encode';
import { openDataFile } from '../formats/open';
import { categoryFromFileName, idxClassNames } from '../labels';
import { bitmapToBytes } from '../raster/bitmap';
import { createRasterizer } from '../raster/rasterize';
import { DEFAULT_SPLIT_SEED, DEFAULT_VALIDATION_SHARE } from '../split';
import { syncFolder, writeAtomic } from '../../fs/atomic';
import { BufferedFile } from './buffered-file';
import { DatasetStore } from './dataset-store';
import {
  DATASET_FILES,
  MANIFEST_VERSION,
  type DatasetManifest,
  type FileImportResult,
  type ImportOptions,
  type ImportResult,
} from './manifest.types';
import { readSiblingLabels } from '../formats/read-idx-labels';
import { addProblem, mergeProblems } from '../formats/parse-context';

const EMPTY_BITMAP_RECORD = encodeQuickDrawBinRecord({ strokes: [] });

/** Everything the import accumulates across files before it is committed. */
class DatasetWriter {
  categories: string[] = [];
  categoryCounts: number[] = [];
  private categoryIndex = new Map<string, number>();
  countries: Record<string, number> = {};
  recognizedCount = 0;
  strokeCount = 0;
  count = 0;
  private seenKeys = new Set<string>();
  private raster = createRasterizer('quickdraw28');
  private rasterBytes = new Uint8Array(784);
  private unit = new Float32Array(784);
  private labelBytes = Buffer.alloc(4);

  private constructor(
    private drawings: BufferedFile,
    private rasters: BufferedFile,
    private labels: BufferedFile,
  ) {}

  static async create(folder: string): Promise<DatasetWriter> {
    return new DatasetWriter(
      await BufferedFile.create(join(folder, DATASET_FILES.drawings)),
      await BufferedFile.create(join(folder, DATASET_FILES.raster28)),
      await BufferedFile.create(join(folder, DATASET_FILES.labels)),
    );
  }

  label(name: string): number {
    let i = this.categoryIndex.get(name);
    if (i === undefined) {
      i = this.categories.length;
      this.categories.push(name);
      this.categoryCounts.push(0);
      this.categoryIndex.set(name, i);
    }
    return i;
  }

  /** False when the drawing's key_id was already imported. */
  async addDrawing(d: DrawingRecord, category: string): Promise<boolean> {
    if (d.keyId !== undefined && d.keyId !== '') {
      if (this.seenKeys.has(d.keyId)) return false;
      this.seenKeys.add(d.keyId);
    }
    await this.drawings.write(encodeQuickDrawBinRecord(d));
    await this.rasters.write(Buffer.from(this.raster.renderBytes(d.strokes, this.rasterBytes)));
    await this.addLabel(category);
    this.strokeCount++;
    if (d.recognized) this.recognizedCount++;
    if (d.countryCode) this.countries[d.countryCode] = (this.countries[d.countryCode] ?? 0) + 1;
    return true;
  }

  async addImage(image: ImageRecord, category: string): Promise<void> {
    const pixels = bitmapToBytes(image.pixels, image.width, image.height, 28, new Uint8Array(784), this.unit);
    await this.drawings.write(EMPTY_BITMAP_RECORD);
    await this.rasters.write(Buffer.from(pixels));
    await this.addLabel(category);
  }

  private async addLabel(category: string): Promise<void> {
    const label = this.label(category);
    this.categoryCounts[label]++;
    this.labelBytes = Buffer.alloc(4);
    this.labelBytes.writeInt32LE(label, 0);
    await this.labels.write(this.labelBytes);
    this.count++;
  }

  async finish(): Promise<void> {
    await Promise.all([this.drawings.finish(), this.rasters.finish(), this.labels.finish()]);
  }

  async abandon(): Promise<void> {
    await Promise.all([this.drawings.abandon(), this.rasters.abandon(), this.labels.abandon()]);
  }
}

function recordCategory(
  record: DataRecord,
  options: ImportOptions,
  fileCategory: string,
  classNames: string[] | undefined,
): string {
  if (options.category) return options.category;
  if (record.kind === 'drawing' && record.word) return record.word;
  if (record.kind === 'image' && record.label !== undefined && classNames)
    return classNames[record.label] ?? String(record.label);
  return fileCategory;
}

/**
 * Imports files into a new dataset. Everything is written into a hidden temp folder and
 * renamed into place only when complete, so a failure or cancellation (signal) leaves the
 * store exactly as it was. Drawings are de-duplicated by key_id.
 */
export async function importFiles(
  store: DatasetStore,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  throwIfAborted(options.signal);
  await store.ensureRoot();
  await store.removeLeftovers();
  const id = DatasetStore.newId();
  const temp = store.importTemp(id);
  await mkdir(temp);
  const files: FileImportResult[] = [];
  let writer: DatasetWriter | undefined;
  try {
    writer = await DatasetWriter.create(temp);
    const sources: DatasetManifest['sources'] = [];
    for (let f = 0; f < paths.length; f++) {
      const path = paths[f];
      if (options.limit !== undefined && writer.count >= options.limit) break;
      const result = await importOne(writer, path, f, paths.length, options);
      files.push(result);
      if (result.added > 0 && result.format !== 'unreadable')
        sources.push({ path, format: result.format, added: result.added });
    }
    throwIfAborted(options.signal);
    if (writer.count === 0) {
      await writer.abandon();
      await rm(temp, { recursive: true, force: true });
      return { dataset: null, files };
    }
    await writer.finish();
    const manifest: DatasetManifest = {
      version: MANIFEST_VERSION,
      id,
      name: options.datasetName?.trim() || defaultName(writer.categories),
      createdAt: new Date().toISOString(),
      count: writer.count,
      strokeCount: writer.strokeCount,
      categories: writer.categories,
      categoryCounts: writer.categoryCounts,
      recognizedCount: writer.recognizedCount,
      countries: writer.countries,
      sources,
      split: { seed: DEFAULT_SPLIT_SEED, validationShare: DEFAULT_VALIDATION_SHARE },
    };
    await writeAtomic(join(temp, DATASET_FILES.manifest), JSON.stringify(manifest, null, 2));
    await syncFolder(temp);
    await rename(temp, store.folder(id));
    await syncFolder(store.root);
    return { dataset: manifest, files };
  } catch (error) {
    await writer?.abandon();
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

function defaultName(categories: string[]): string {
  const shown = categories.slice(0, 3).join(', ');
  return categories.length > 3 ? `${shown} +${categories.length - 3}` : shown || 'dataset';
}

async function importOne(
  writer: DatasetWriter,
  path: string,
  fileIndex: number,
  fileCount: number,
  options: ImportOptions,
): Promise<FileImportResult> {
  const result: FileImportResult = { path, format: 'unreadable', read: 0, added: 0, duplicates: 0, problems: [] };
  let file;
  try {
    file = await openDataFile(path, { signal: options.signal });
    let classNames: string[] | undefined;
    let labels: Uint8Array | undefined;
    if (file.format === 'idx-images') {
      labels = await readSiblingLabels(path, result.problems, options.signal);
      if (labels) {
        await file.close();
        file = await openDataFile(path, { signal: options.signal, labels });
        classNames = idxClassNames(path);
      }
    }
    const format: FormatName = file.format;
    if (format === 'idx-labels') {
      await file.close();
      result.format = format;
      addProblem(result.problems, { file: path, message: DataErrors.notImages(format), recordIndex: 0, byteOffset: 0 });
      return result;
    }
    const fileCategory = categoryFromFileName(path);
    for await (const batch of file.batches()) {
      throwIfAborted(options.signal);
      for (const record of batch) {
        if (options.limit !== undefined && writer.count >= options.limit) break;
        result.read++;
        const category = recordCategory(record, options, fileCategory, classNames);
        if (record.kind === 'drawing') {
          if (await writer.addDrawing(record, category)) result.added++;
          else result.duplicates++;
        } else if (record.kind === 'image') {
          await writer.addImage(record, category);
          result.added++;
        }
      }
      options.onProgress?.({ path, fileIndex, fileCount, read: result.read, added: result.added });
      if (options.limit !== undefined && writer.count >= options.limit) {
        await file.close();
        break;
      }
    }
    result.format = file.format;
    mergeProblems(result.problems, file.problems);
    return result;
  } catch (error) {
    await file?.close();
    if (error instanceof AbortedError) throw error;
    if (error instanceof DataFileError) {
      addProblem(result.problems, { file: path, message: error.message, recordIndex: 0, byteOffset: error.byteOffset });
      return result;
    }
    throw error;
  }
}
