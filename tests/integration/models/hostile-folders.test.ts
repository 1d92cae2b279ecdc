import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { basename, join } from 'node:path';
import { listModels } from '../../../src/engine/catalog/list-models';
import { STORE_ERRORS } from '../../../src/engine/models/store/errors';
import { loadModel } from '../../../src/engine/models/index';
import { HOSTILE_MODELS } from '../../helpers/hostile-models';
import { tempFolder } from '../../helpers/temp-folder';
import { tf, useBackend } from '../../helpers/tf';

const tmp = tempFolder('hostile-models');
afterAll(() => tmp.remove());

/** The message each hostile folder must be refused with, and the file it must name. */
const EXPECTED: Record<keyof typeof HOSTILE_MODELS & string, { message: string; file: string }> = {
  'weights path ../…/dev/zero': { message: STORE_ERRORS.outsideFolder, file: 'dev/zero' },
  'weights path /dev/zero': { message: STORE_ERRORS.outsideFolder, file: 'dev/zero' },
  'weights path ../…/etc/passwd': { message: STORE_ERRORS.outsideFolder, file: 'etc/passwd' },
  'weights of the right size outside the folder': { message: STORE_ERRORS.outsideFolder, file: 'outside-weights.bin' },
  'weights.bin a symlink': { message: STORE_ERRORS.notRegularFile, file: 'symlink/encoder/weights.bin' },
  'a part folder that is a symlink out': { message: STORE_ERRORS.outsideFolder, file: 'part-link/encoder/model.json' },
  'weights.bin a FIFO': { message: STORE_ERRORS.notRegularFile, file: 'fifo/encoder/weights.bin' },
  'weights.bin named 20,000 times': { message: STORE_ERRORS.badWeightSpec, file: 'repeated/encoder/model.json' },
  'a Dense layer of 1e6 units': { message: STORE_ERRORS.tooLarge, file: 'huge-dense/encoder/model.json' },
  'a quantization entry that skips the size check': {
    message: STORE_ERRORS.weightsSize,
    file: 'quantized/encoder/weights.bin',
  },
  'a quantization of an unknown dtype': {
    message: STORE_ERRORS.badWeightSpec,
    file: 'quantized-bad/encoder/model.json',
  },
  'kind cvae with 1e6 classes on a plain VAE': { message: STORE_ERRORS.notOurs, file: 'cvae-claim/latentdraw.json' },
  'kind cvae with 10 classes on a plain VAE': {
    message: STORE_ERRORS.metadataMismatch,
    file: 'cvae-claim-10/encoder/model.json',
  },
  'latentdraw.json a symlink to /dev/zero': { message: STORE_ERRORS.notRegularFile, file: 'meta-zero/latentdraw.json' },
};

describe('hostile model folders are refused before anything big is read or built', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  for (const [name, make] of Object.entries(HOSTILE_MODELS)) {
    test(name, async () => {
      const folder = make(tmp.dir);
      const before = tf.memory().numBytes;
      const error = await loadModel(folder).then(
        (loaded) => {
          loaded.model.dispose();
          return undefined;
        },
        (e: Error) => e,
      );
      const expected = EXPECTED[name];
      expect(error?.message.startsWith(`${expected.message}: `), error?.message).toBe(true);
      expect(error?.message).toContain(expected.file);
      // Nothing was allocated by tfjs on the way to the refusal (and nothing leaked).
      expect(tf.memory().numBytes).toBe(before);
    });
  }

  test('the model list reads no latentdraw.json that is not a regular file inside its folder', async () => {
    const root = join(tmp.dir, 'listed');
    const made = Object.values(HOSTILE_MODELS).map((make) => basename(make(root)));
    const listed = (await listModels(join(tmp.dir, 'no-shipped'), root)).map((m) => m.id);
    expect(listed).not.toContain('user:meta-zero');
    expect(listed).toContain('user:dev-zero');
    expect(made).toContain('meta-zero');
  });

  test('every hostile folder has its expected refusal', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(HOSTILE_MODELS).sort());
  });
});
