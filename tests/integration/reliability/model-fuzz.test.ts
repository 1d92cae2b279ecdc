import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadModel } from '../../../src/engine/models/index';
import { STORE_ERRORS } from '../../../src/engine/models/store/errors';
import { useBackend } from '../../helpers/tf';
import { tempDir } from '../../helpers/temp-folder';

const SOURCE = resolve('resources/models/mnist-vae');
const FILES = [
  'latentdraw.json',
  'encoder/model.json',
  'decoder/model.json',
  'encoder/weights.bin',
  'decoder/weights.bin',
];
// The test command runs a fixed budget; `npm run bench:fuzz` raises it.
const RUNS = Number(process.env.LATENTDRAW_FUZZ_MODEL_INPUTS ?? 150);
const KNOWN = Object.values(STORE_ERRORS);

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'splice'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.constantFrom('{', '}', '"', 'null', '[]', '-1', '1e308', '"kind":"x"', '\u0000', '../../etc/passwd'),
  }),
);

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const at = Math.min(bytes.length - 1, Math.floor(m.at * bytes.length));
  if (m.kind === 'truncate') return bytes.subarray(0, at);
  if (m.kind === 'flip') {
    const copy = Buffer.from(bytes);
    copy[at] ^= 1 << m.bit;
    return copy;
  }
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text), bytes.subarray(at)]);
}

describe('loading damaged model folders', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  test(`${RUNS} mutated copies of a real model either load or fail with a known message`, async () => {
    const work = tempDir('model-fuzz');
    let loaded = 0;
    let refused = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...FILES), mutation, async (file, m) => {
          const folder = join(work, 'model');
          rmSync(folder, { recursive: true, force: true });
          cpSync(SOURCE, folder, { recursive: true });
          writeFileSync(join(folder, file), mutate(readFileSync(join(SOURCE, file)), m));
          try {
            const { model } = await loadModel(folder);
            model.dispose();
            loaded++;
          } catch (error) {
            refused++;
            const message = (error as Error).message;
            expect(
              KNOWN.some((k) => message.startsWith(k)),
              `unexpected error for ${file} ${JSON.stringify(m)}: ${message}`,
            ).toBe(true);
            expect(message).toContain(folder);
          }
        }),
        { numRuns: RUNS, seed: Number(process.env.LATENTDRAW_FUZZ_SEED ?? 7) },
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    console.log(`model fuzz: ${RUNS} inputs, ${refused} refused with a known error, ${loaded} still loaded, 0 crashes`);
    expect(refused).toBeGreaterThan(RUNS / 4);
  });
});
