import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DataErrors, DataFileError } from '../../../src/engine/data/errors';
import { encodeIdxImages, encodeNpy, encodeQuickDrawBinRecord } from '../../../src/engine/data/formats/encode';
import { openDataFile } from '../../../src/engine/data/formats/open';
import { seededRandom } from '../../../src/engine/data/split';
import { join } from 'node:path';
import { cutGzipNdjson, realLines } from '../../helpers/hostile-files';
import { sharedData } from '../../helpers/shared-data';
import { drawings, readAll, refusal } from './read-all';
import { tempFolder } from '../../helpers/temp-folder';

const tmp = tempFolder('bad');
afterAll(() => tmp.remove());

const drawing = {
  keyId: '42',
  countryCode: 'DE',
  recognized: true,
  timestamp: 1_500_000_000,
  strokes: [{ x: [1, 2, 3], y: [4, 5, 6] }],
};

describe('bad inputs give clear, documented messages', () => {
  it('a stroke whose point count runs past the end of the file', async () => {
    const good = encodeQuickDrawBinRecord(drawing);
    const bad = Buffer.from(encodeQuickDrawBinRecord(drawing));
    bad.writeUInt16LE(500, 17); // stroke 0 claims 500 points
    const { records, problems } = await readAll(tmp.file('past-end.bin', Buffer.concat([good, bad])));
    expect(drawings(records)).toHaveLength(1);
    expect(problems).toEqual([
      {
        file: expect.stringContaining('past-end.bin'),
        message: DataErrors.strokePastEnd(0, 500),
        recordIndex: 1,
        byteOffset: good.length,
      },
    ]);
  });

  it('a record cut inside its header', async () => {
    const good = encodeQuickDrawBinRecord(drawing);
    const { problems } = await readAll(
      tmp.file(
        'header-cut.bin',
        Buffer.concat([good, good.subarray(0, 20), good.subarray(0, 0)]).subarray(0, good.length + 10),
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      recordIndex: 1,
      byteOffset: good.length,
      message: DataErrors.truncatedRecord(17, 10),
    });
  });

  it('an empty file', async () => {
    const error = await refusal(tmp.file('empty.ndjson', ''));
    expect(error.message).toContain(DataErrors.emptyFile);
    expect(error.file).toContain('empty.ndjson');
  });

  it('random bytes', async () => {
    const random = seededRandom(7);
    const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    bytes[10] = 200; // not a recognized flag: keeps the content from passing for a .bin record
    expect((await refusal(tmp.file('random.bin', bytes))).message).toContain(DataErrors.unknownFormat);
  });

  it('a corrupt gzip (bad deflate data) and a cut-off gzip', async () => {
    const real = readFileSync(sharedData('mnist/t10k-labels-idx1-ubyte.gz'));
    const corrupt = Buffer.from(real);
    for (let i = 20; i < 60; i++) corrupt[i] ^= 0xa5;
    const error = await refusal(tmp.file('corrupt.gz', corrupt));
    expect(error.message).toContain(DataErrors.corruptGzip);
    // Cut late: the head decompresses, the tail breaks; that is a problem, not a throw.
    const images = readFileSync(sharedData('mnist/t10k-images-idx3-ubyte.gz'));
    const { records, problems } = await readAll(tmp.file('cut.gz', images.subarray(0, images.length - 1000)));
    expect(records.length).toBeGreaterThan(9000);
    expect(problems.map((p) => p.message)).toContain(DataErrors.corruptGzip);
  });

  it('a small gzip NDJSON cut mid-stream gives the drawings before the cut, then the cut as a problem', async () => {
    const lines = realLines(sharedData('quickdraw/simplified-ndjson/cat.ndjson'), 25);
    const cut = cutGzipNdjson(join(tmp.dir, 'cut-short.ndjson.gz'), lines);
    expect(cut.complete).toBeGreaterThan(0);
    expect(cut.complete).toBeLessThan(lines.length);
    const { format, records, problems } = await readAll(cut.path);
    expect(format).toBe('quickdraw-ndjson-simplified');
    expect(drawings(records).map((d) => d.keyId)).toEqual(
      lines.slice(0, cut.complete).map((l) => (JSON.parse(l) as { key_id: string }).key_id),
    );
    expect(problems).toEqual([
      {
        file: cut.path,
        message: DataErrors.corruptGzip,
        recordIndex: cut.complete,
        byteOffset: expect.any(Number),
      },
    ]);
    expect(problems[0].byteOffset).toBeGreaterThan(0);
  });

  it('.npy of another dtype or shape', async () => {
    const floats = encodeNpy([new Uint8Array(784)]);
    const asFloat = Buffer.from(floats.toString('latin1').replace("'|u1'", "'<f4'"), 'latin1');
    expect((await refusal(tmp.file('f4.npy', asFloat))).message).toContain(DataErrors.npyDtype('<f4'));
    const shaped = Buffer.from(floats.toString('latin1').replace('(1, 784)', '(1, 28, 28)'), 'latin1');
    expect((await refusal(tmp.file('shape.npy', shaped))).message).toContain(DataErrors.npyShape('(1, 28, 28)'));
  });

  it('a .npy cut short reports the rows it has', async () => {
    const npy = encodeNpy([new Uint8Array(784), new Uint8Array(784), new Uint8Array(784)]);
    const { records, problems } = await readAll(tmp.file('short.npy', npy.subarray(0, npy.length - 100)));
    expect(records).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      message: DataErrors.npyTruncated(2, 3),
      recordIndex: 2,
      byteOffset: 128 + 2 * 784,
    });
  });

  it('IDX cut short', async () => {
    const idx = encodeIdxImages([new Uint8Array(784), new Uint8Array(784)]);
    const { records, problems } = await readAll(tmp.file('short-idx3-ubyte', idx.subarray(0, idx.length - 1)));
    expect(records).toHaveLength(1);
    expect(problems[0]).toMatchObject({ message: DataErrors.idxTruncated(1, 2), recordIndex: 1, byteOffset: 16 + 784 });
  });

  it('NDJSON lines that are not JSON or lack "drawing" are skipped with their line numbers', async () => {
    const good = JSON.stringify({
      word: 'cat',
      key_id: '1',
      drawing: [
        [
          [0, 10],
          [0, 10],
        ],
      ],
    });
    const lines = [
      good,
      '{not json',
      JSON.stringify({ word: 'cat' }),
      '',
      JSON.stringify({ drawing: [[[1], [1, 2]]] }),
      good,
    ];
    const text = lines.join('\n');
    const { records, problems } = await readAll(tmp.file('bad-lines.ndjson', text));
    expect(drawings(records).map((d) => d.index)).toEqual([0, 4]);
    const offsetOfLine = (n: number) => lines.slice(0, n - 1).reduce((a, l) => a + Buffer.byteLength(l) + 1, 0);
    expect(problems).toEqual([
      {
        file: expect.any(String),
        message: DataErrors.ndjsonNotJson,
        recordIndex: 1,
        byteOffset: offsetOfLine(2),
        line: 2,
      },
      {
        file: expect.any(String),
        message: DataErrors.ndjsonNoDrawing,
        recordIndex: 2,
        byteOffset: offsetOfLine(3),
        line: 3,
      },
      {
        file: expect.any(String),
        message: DataErrors.ndjsonBadStroke(0),
        recordIndex: 3,
        byteOffset: offsetOfLine(5),
        line: 5,
      },
    ]);
  });

  it('a file of another format entirely (a ZIP, a text file)', async () => {
    expect((await refusal(sharedData('sketch-rnn/omniglot.npz'))).message).toContain(DataErrors.unknownFormat);
    expect((await refusal(tmp.file('notes.txt', 'hello world\n'.repeat(10)))).message).toContain(
      DataErrors.unknownFormat,
    );
  });

  it('an IDX magic of another type', async () => {
    const idx = Buffer.from(encodeIdxImages([new Uint8Array(784)]));
    idx.writeUInt32BE(0x00000d03, 0); // float images
    expect((await refusal(tmp.file('float-idx3-ubyte', idx))).message).toContain(DataErrors.idxBadMagic(0xd03));
  });

  it('a missing file is a DataFileError too', async () => {
    await expect(openDataFile(`${tmp.dir}/nope.bin`)).rejects.toBeInstanceOf(DataFileError);
  });
});
