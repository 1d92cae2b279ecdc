import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { AbortedError, DataFileError } from '../../../src/engine/data/errors';
import { encodeIdxImages } from '../../../src/engine/data/formats/encode';
import { seededRandom } from '../../../src/engine/data/split';
import { sharedData } from '../../helpers/shared-data';
import { images, readAll } from './read-all';
import { tempFolder } from '../../helpers/temp-folder';

const tmp = tempFolder('fuzz');
afterAll(() => tmp.remove());

// The test command runs a fixed budget; `npm run bench:fuzz` raises it through these variables.
const BUDGET_INPUTS = Number(process.env.LATENTDRAW_FUZZ_INPUTS ?? 2000);
const BUDGET_MS = Number(process.env.LATENTDRAW_FUZZ_MS ?? 20_000);
const PER_INPUT_MS = 3_000;

async function seeds(): Promise<Buffer[]> {
  const mnist = images((await readAll(sharedData('mnist/t10k-images-idx3-ubyte.gz'), { limit: 4 })).records);
  return [
    readFileSync(sharedData('quickdraw/binary/dog.truncated-8192.bin')),
    readFileSync(sharedData('quickdraw/simplified-ndjson/cat.ndjson')),
    readFileSync(sharedData('quickdraw/raw-ndjson/dog.ndjson')).subarray(0, 12_000),
    readFileSync(sharedData('quickdraw/numpy-bitmap/eye.first3000.npy')).subarray(0, 128 + 6 * 784),
    readFileSync(sharedData('mnist/t10k-labels-idx1-ubyte.gz')),
    gzipSync(encodeIdxImages(mnist.map((m) => m.pixels))),
    encodeIdxImages(mnist.map((m) => m.pixels)),
  ];
}

function mutate(seed: Buffer, all: Buffer[], random: () => number): Buffer {
  let b = Buffer.from(seed);
  const int = (n: number) => Math.floor(random() * n);
  const ops = 1 + int(4);
  for (let k = 0; k < ops; k++) {
    const op = int(6);
    if (b.length === 0) break;
    if (op === 0) {
      const bits = 1 + int(8);
      for (let j = 0; j < bits; j++) b[int(b.length)] ^= 1 << int(8);
    } else if (op === 1) {
      b = b.subarray(0, int(b.length));
    } else if (op === 2) {
      const other = all[int(all.length)];
      const from = int(other.length);
      const piece = other.subarray(from, from + int(600));
      const at = int(b.length);
      b = Buffer.concat([b.subarray(0, at), piece, b.subarray(at + int(200))]);
    } else if (op === 3) {
      const at = int(b.length);
      b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + int(50))]);
    } else if (op === 4) {
      b[int(b.length)] = random() < 0.5 ? 0xff : 0x00;
    } else {
      const at = int(b.length);
      const junk = Buffer.from(Array.from({ length: 1 + int(40) }, () => int(256)));
      b = Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
    }
  }
  return b;
}

describe('fuzzing the readers with mutated real files', () => {
  it(`never hangs or throws anything but DataFileError (${BUDGET_INPUTS} inputs or ${BUDGET_MS / 1000} s)`, async () => {
    const all = await seeds();
    const random = seededRandom(20261121);
    const started = Date.now();
    let tried = 0;
    let refused = 0;
    let withProblems = 0;
    const unexpected: string[] = [];
    while (tried < BUDGET_INPUTS && Date.now() - started < BUDGET_MS) {
      const seedIndex = Math.floor(random() * all.length);
      const input = mutate(all[seedIndex], all, random);
      const path = tmp.file(`in${tried % 50}${seedIndex === 0 ? '.bin' : '.dat'}`, input);
      tried++;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), PER_INPUT_MS);
      });
      try {
        const result = await Promise.race([readAll(path, { chunkBytes: 1 + Math.floor(random() * 4096) }), timeout]);
        if (result === 'timeout') unexpected.push(`hang on input ${tried} (seed ${seedIndex})`);
        else if (result.problems.length > 0) withProblems++;
      } catch (error) {
        if (error instanceof DataFileError || error instanceof AbortedError) refused++;
        else unexpected.push(`input ${tried} (seed ${seedIndex}): ${String(error)}`);
      } finally {
        clearTimeout(timer);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz: ${tried} inputs in ${seconds} s: ${refused} refused with DataFileError, ${withProblems} read with problems, ${unexpected.length} unexpected`,
    );
    expect(unexpected).toEqual([]);
    expect(tried).toBeGreaterThan(200);
  });
});
