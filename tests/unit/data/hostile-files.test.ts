import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataErrors } from '../../../src/engine/data/errors';
import { MAX_GZIP_RATIO } from '../../../src/engine/data/formats/byte-stream';
import { encodeIdxImages } from '../../../src/engine/data/formats/encode';
import { MAX_DATA_BYTES, MAX_IDX_ITEMS } from '../../../src/engine/data/formats/idx';
import { MAX_PROBLEMS_KEPT, problemCount } from '../../../src/engine/data/formats/parse-context';
import { inspectFile } from '../../../src/engine/data/inspect';
import { DatasetStore } from '../../../src/engine/data/store/dataset-store';
import { importFiles } from '../../../src/engine/data/store/import';
import {
  binEmptyFirstRecord,
  binOddFirstRecord,
  fifo,
  gzipLabelsBomb,
  idxImagesAsLabels,
  idxPair,
  manyProblemsNdjson,
  ndjsonWithBom,
  ndjsonWithNul,
  realLines,
} from '../../helpers/hostile-files';
import { sharedData } from '../../helpers/shared-data';
import { tempFolder } from '../../helpers/temp-folder';
import { drawings, readAll, refusal } from './read-all';

// Needs ../shared/data (real drawings among the hostile lines).
const tmp = tempFolder('hostile');
afterAll(() => tmp.remove());

const cats = realLines(sharedData('quickdraw/simplified-ndjson/cat.ndjson'), 25);

describe('gzip bombs', () => {
  it('an IDX labels header declaring 150 million labels is refused at its count, before any is read', async () => {
    const path = await gzipLabelsBomb(join(tmp.dir, 'bomb-labels-idx1-ubyte.gz'), 150_000_000, 8 << 20);
    const error = await refusal(path);
    expect(error.message).toBe(`${path}: ${DataErrors.tooManyItems(150_000_000, MAX_IDX_ITEMS)}`);
    expect(error.byteOffset).toBe(4);
    const summary = await inspectFile(path);
    expect(summary.problems[0].message).toContain(DataErrors.tooManyItems(150_000_000, MAX_IDX_ITEMS));
  });

  it('labels past the declared count are counted, not kept: 40 MB expanded, 4 Mi labels', async () => {
    const count = 1 << 22;
    const path = await gzipLabelsBomb(join(tmp.dir, 'long-labels-idx1-ubyte.gz'), count, 40 << 20);
    const summary = await inspectFile(path);
    expect(summary.labels).toBe(count);
    expect(summary.categories).toEqual({ '3': count });
    expect(summary.problems).toEqual([
      expect.objectContaining({ message: DataErrors.idxTrailing((40 << 20) - count), recordIndex: count }),
    ]);
  }, 60_000);

  it('a gzip stream expanding 1000× stops with a problem at the byte where reading stopped', async () => {
    const path = await gzipLabelsBomb(join(tmp.dir, 'deep-labels-idx1-ubyte.gz'), 1 << 20, 120 << 20);
    const summary = await inspectFile(path);
    expect(summary.complete).toBe(false);
    expect(summary.problems).toEqual([
      expect.objectContaining({ file: path, message: DataErrors.gzipBomb(MAX_GZIP_RATIO) }),
    ]);
    expect(summary.problems[0].byteOffset).toBeGreaterThan(64 << 20);
    expect(summary.problems[0].byteOffset).toBeLessThan(120 << 20);
  }, 60_000);

  it('an IDX images header declaring more data than any real set is refused at its count', async () => {
    const path = join(tmp.dir, 'huge-images-idx3-ubyte');
    const header = encodeIdxImages([new Uint8Array(784)]);
    header.writeUInt32BE(2_000_000, 4);
    writeFileSync(path, header);
    const max = Math.floor(MAX_DATA_BYTES / 784);
    expect((await refusal(path)).message).toBe(`${path}: ${DataErrors.tooManyItems(2_000_000, max)}`);
  });
});

describe('files with many problems', () => {
  it('25 good drawings and 200,000 bad lines: the 25 import, the problems are counted in a bounded list', async () => {
    const path = manyProblemsNdjson(join(tmp.dir, 'cat.ndjson'), cats, 200_000);
    const store = new DatasetStore(join(tmp.dir, 'datasets'));
    const result = await importFiles(store, [path]);
    expect(result.dataset?.count).toBe(25);
    const [file] = result.files;
    expect(file.added).toBe(25);
    expect(file.problems).toHaveLength(MAX_PROBLEMS_KEPT + 1);
    expect(problemCount(file.problems)).toBe(200_000);
    expect(file.problems[0]).toMatchObject({ file: path, message: DataErrors.ndjsonNoDrawing, line: 26 });
    expect(file.problems[MAX_PROBLEMS_KEPT]).toMatchObject({
      file: path,
      message: DataErrors.moreProblems(200_000 - MAX_PROBLEMS_KEPT),
      omitted: 200_000 - MAX_PROBLEMS_KEPT,
      line: 25 + MAX_PROBLEMS_KEPT + 1,
    });
    // The report a person (or --json) gets stays small.
    expect(JSON.stringify(file).length).toBeLessThan(64 * 1024);
  }, 60_000);

  it('inspect gives the same bounded summary', async () => {
    const path = manyProblemsNdjson(join(tmp.dir, 'dog.ndjson'), cats, 20_000);
    const summary = await inspectFile(path);
    expect(summary.drawings).toBe(25);
    expect(summary.problems).toHaveLength(MAX_PROBLEMS_KEPT + 1);
    expect(problemCount(summary.problems)).toBe(20_000);
  });
});

describe('images and labels that do not pair up', () => {
  it('10 images beside 3 labels: the mismatch is reported and only labelled images are imported', async () => {
    const { images } = idxPair(join(tmp.dir, 'pair'), 10, 3);
    const result = await importFiles(new DatasetStore(join(tmp.dir, 'pair-store')), [images]);
    expect(result.dataset?.count).toBe(3);
    expect(result.dataset?.categories).toEqual(['1', '2', '3']);
    expect(result.files[0].problems).toEqual([
      { file: images, message: DataErrors.labelsMismatch(10, 3), recordIndex: 3, byteOffset: 16 + 3 * 784 },
    ]);
  });

  it('more labels than images is reported too, and every image is kept', async () => {
    const { images } = idxPair(join(tmp.dir, 'pair-more'), 2, 5);
    const result = await importFiles(new DatasetStore(join(tmp.dir, 'pair-more-store')), [images]);
    expect(result.dataset?.count).toBe(2);
    expect(result.files[0].problems.map((p) => p.message)).toEqual([DataErrors.labelsMismatch(2, 5)]);
  });

  it('a "labels" file that is really images is reported, not ignored; the images keep the file name category', async () => {
    const { images, labels } = idxImagesAsLabels(join(tmp.dir, 'odd'));
    const result = await importFiles(new DatasetStore(join(tmp.dir, 'odd-store')), [images]);
    expect(result.files[0].problems.map((p) => p.message)).toEqual([DataErrors.labelsNotLabels(labels)]);
    expect(result.dataset?.count).toBe(4);
    expect(result.dataset?.categories).toEqual(['odd-images-idx3-ubyte']);
  });
});

describe('detection is no stricter than the readers', () => {
  it('a first .bin record with recognized = 5 is read, with the flag as its problem', async () => {
    const { records, problems } = await readAll(binOddFirstRecord(join(tmp.dir, 'odd.bin')));
    expect(drawings(records)).toHaveLength(2);
    expect(problems).toEqual([expect.objectContaining({ message: DataErrors.badRecognized(5), recordIndex: 0 })]);
  });

  it('a first .bin record with no strokes is read', async () => {
    const { records } = await readAll(binEmptyFirstRecord(join(tmp.dir, 'empty-first.bin')));
    expect(drawings(records).map((d) => d.strokes.length)).toEqual([0, 1]);
  });

  it('NDJSON with a UTF-8 byte-order mark reads every line', async () => {
    const { format, records, problems } = await readAll(ndjsonWithBom(join(tmp.dir, 'bom.ndjson'), cats.slice(0, 3)));
    expect(format).toBe('quickdraw-ndjson-simplified');
    expect(drawings(records)).toHaveLength(3);
    expect(problems).toEqual([]);
  });

  it('NUL bytes in a line inside the first 4 KB are that line’s problem, not the file’s', async () => {
    const { records, problems } = await readAll(ndjsonWithNul(join(tmp.dir, 'nul.data'), cats.slice(0, 3)));
    expect(drawings(records)).toHaveLength(3);
    expect(problems).toEqual([expect.objectContaining({ message: DataErrors.ndjsonNotJson, line: 2 })]);
  });

  it('a folder given as a file is refused by name', async () => {
    const dir = join(tmp.dir, 'a-folder.ndjson');
    mkdirSync(dir);
    const error = await refusal(dir);
    expect(error.message).toBe(`${dir}: ${DataErrors.notAFile}`);
  });

  it('a FIFO is refused by name instead of read forever', async () => {
    const path = fifo(join(tmp.dir, 'pipe.bin'));
    expect((await refusal(path)).message).toBe(`${path}: ${DataErrors.notAFile}`);
  });
});
