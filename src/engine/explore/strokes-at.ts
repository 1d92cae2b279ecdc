import { existsSync, statSync } from 'node:fs';
import type { Stroke } from '../../shared/types/drawing';
import { fileChunks } from '../data/formats/byte-stream';
import { openDataFile } from '../data/formats/open';
import { parseQuickDrawBin } from '../data/formats/quickdraw-bin';
import type { DatasetStore } from '../data/store/dataset-store';

/**
 * The strokes of item `index` of a training source (counted as loadTrainingData counts: every
 * drawing or image record, in file order), or null when the item is a bitmap only. Reads the
 * source up to that item; the sets explored are small enough for that to take milliseconds.
 */
export async function strokesAt(source: string, index: number, store: DatasetStore): Promise<Stroke[] | null> {
  if (existsSync(source) && statSync(source).isFile()) return fromFile(source, index);
  if (await store.has(source)) return fromStore(store, source, index);
  return null;
}

async function fromFile(path: string, index: number): Promise<Stroke[] | null> {
  const file = await openDataFile(path, { limit: index + 1 });
  try {
    let seen = 0;
    for await (const record of file.records()) {
      if (record.kind === 'label') continue;
      if (seen === index) return record.kind === 'drawing' ? record.strokes : null;
      seen += 1;
    }
    return null;
  } finally {
    await file.close();
  }
}

async function fromStore(store: DatasetStore, id: string, index: number): Promise<Stroke[] | null> {
  const ctx = { file: store.file(id, 'drawings'), problems: [], limit: index + 1 };
  let seen = 0;
  for await (const batch of parseQuickDrawBin(fileChunks(ctx.file, { gzip: false }), ctx)) {
    for (const record of batch) {
      if (seen === index) return record.strokes.length > 0 ? record.strokes : null;
      seen += 1;
    }
  }
  return null;
}
