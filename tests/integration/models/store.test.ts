import type { LayersModel, Tensor } from '@tensorflow/tfjs';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLatents, encodeImages } from '../../../src/engine/latent/codes';
import { buildModel, defaultConfig } from '../../../src/engine/models/build';
import { STORE_ERRORS } from '../../../src/engine/models/store/errors';
import { metadataFor } from '../../../src/engine/models/store/metadata';
import { loadModel, saveModel } from '../../../src/engine/models/store/store';
import type { ModelKind } from '../../../src/engine/models/types';
import { useBackend } from '../../helpers/tf';

let tf: Awaited<ReturnType<typeof useBackend>>;
let dir: string;

beforeAll(async () => {
  tf = await useBackend('wasm');
  dir = await mkdtemp(join(tmpdir(), 'ld-store-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function saved(kind: ModelKind, name: string) {
  const model = buildModel(defaultConfig(kind, { hiddenSize: 16, numClasses: 3, seed: 5 }));
  const folder = join(dir, name);
  await saveModel(model, folder, metadataFor(model.config, ['a', 'b', 'c']));
  return { model, folder };
}

/** What any tfjs user would do with our files: read them and hand them to tf.io.fromMemory. */
async function plainLoad(folder: string): Promise<LayersModel> {
  const json = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8'));
  const weights = await readFile(join(folder, json.weightsManifest[0].paths[0]));
  const buffer = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: buffer,
    }),
  );
}

describe('model store', () => {
  it.each(['mlp-vae', 'cvae', 'cvae-prior', 'conv-vae'] as const)(
    '%s: save → load → decode gives the same images',
    async (kind) => {
      const { model, folder } = await saved(kind, `round-${kind}`);
      const z = Float32Array.from({ length: 4 * model.config.latentSize }, (_, i) => Math.sin(i));
      const cond = { labels: [0, 1, 2, 1] };
      const before = await decodeLatents(model, z, 4, cond);
      const { model: loaded, metadata } = await loadModel(folder);
      expect(metadata.kind).toBe(kind);
      expect(metadata.classNames).toEqual(['a', 'b', 'c']);
      const after = await decodeLatents(loaded, z, 4, cond);
      expect(Array.from(after)).toEqual(Array.from(before));
      const images = Float32Array.from({ length: 2 * 784 }, (_, i) => (i % 7) / 7);
      expect(Array.from(await encodeImages(loaded, images, 2, { labels: [0, 2] }))).toEqual(
        Array.from(await encodeImages(model, images, 2, { labels: [0, 2] })),
      );
      model.dispose();
      loaded.dispose();
    },
  );

  it('conv-ae on 28×28 (its decoder crops 32 back to 28): save → load → decode gives the same images', async () => {
    const model = buildModel(defaultConfig('conv-ae', { imageSize: 28, seed: 5 }));
    const folder = join(dir, 'round-conv-ae-28');
    await saveModel(model, folder, metadataFor(model.config, ['cat']));
    const z = Float32Array.from({ length: 2 * 128 }, (_, i) => Math.sin(i));
    const before = await decodeLatents(model, z, 2, {});
    const { model: loaded } = await loadModel(folder);
    expect(Array.from(await decodeLatents(loaded, z, 2, {}))).toEqual(Array.from(before));
    expect(before.length).toBe(2 * 784);
    model.dispose();
    loaded.dispose();
  });

  it('refuses a decoder whose crop takes more than the image has', async () => {
    const model = buildModel(defaultConfig('conv-ae', { imageSize: 28, seed: 5 }));
    const folder = join(dir, 'over-cropped');
    await saveModel(model, folder, metadataFor(model.config, ['cat']));
    model.dispose();
    const path = join(folder, 'decoder', 'model.json');
    const json = await readFile(path, 'utf8');
    expect(json).toContain('"cropping":[[2,2],[2,2]]');
    await writeFile(path, json.replace('"cropping":[[2,2],[2,2]]', '"cropping":[[20,20],[2,2]]'));
    await expect(loadModel(folder)).rejects.toThrow(`${STORE_ERRORS.unknownTopology}: ${path}`);
  });

  it('plain tf.loadLayersModel reads the saved decoder and decodes to the same image', async () => {
    const { model, folder } = await saved('mlp-vae', 'plain');
    const z = new Float32Array([0.3, -1.2]);
    const ours = await decodeLatents(model, z, 1);
    const decoder = await plainLoad(join(folder, 'decoder'));
    const out = decoder.predict(tf.tensor2d(z, [1, 2])) as Tensor;
    expect(Array.from(await out.data())).toEqual(Array.from(ours));
    out.dispose();
    decoder.dispose();
    model.dispose();
  });

  it('saving over an existing model replaces it whole', async () => {
    const a = await saved('mlp-vae', 'replace');
    const b = buildModel(defaultConfig('mlp-vae', { hiddenSize: 16, seed: 99 }));
    await saveModel(b, a.folder, metadataFor(b.config, ['x']));
    const { model, metadata } = await loadModel(a.folder);
    expect(metadata.classNames).toEqual(['x']);
    expect(Array.from(model.decoder.getWeights()[0].dataSync())).toEqual(
      Array.from(b.decoder.getWeights()[0].dataSync()),
    );
    for (const m of [a.model, b, model]) m.dispose();
  });

  describe('damaged or foreign folders', () => {
    it('names a missing folder', async () => {
      await expect(loadModel(join(dir, 'nope'))).rejects.toThrow(`${STORE_ERRORS.notAFolder}: ${join(dir, 'nope')}`);
    });

    it('names a missing latentdraw.json', async () => {
      const f = join(dir, 'empty');
      await mkdir(f, { recursive: true });
      await expect(loadModel(f)).rejects.toThrow(`${STORE_ERRORS.missingFile}: ${join(f, 'latentdraw.json')}`);
    });

    it('rejects broken JSON and foreign JSON', async () => {
      const { model, folder } = await saved('mlp-vae', 'json');
      model.dispose();
      await writeFile(join(folder, 'latentdraw.json'), '{"format": "latentdraw-model", ');
      await expect(loadModel(folder)).rejects.toThrow(STORE_ERRORS.badJson);
      await writeFile(join(folder, 'latentdraw.json'), '{"name": "some other app"}');
      await expect(loadModel(folder)).rejects.toThrow(STORE_ERRORS.notOurs);
    });

    it('rejects a newer format version', async () => {
      const { model, folder } = await saved('mlp-vae', 'newer');
      model.dispose();
      const meta = JSON.parse(await readFile(join(folder, 'latentdraw.json'), 'utf8'));
      await writeFile(join(folder, 'latentdraw.json'), JSON.stringify({ ...meta, formatVersion: 99 }));
      await expect(loadModel(folder)).rejects.toThrow(STORE_ERRORS.newerFormat);
    });

    it('names a missing or truncated weights file and a corrupt model.json', async () => {
      const { model, folder } = await saved('mlp-vae', 'weights');
      model.dispose();
      const bin = join(folder, 'decoder', 'weights.bin');
      await truncate(bin, 100);
      await expect(loadModel(folder)).rejects.toThrow(`${STORE_ERRORS.weightsSize}: ${bin}`);
      await rm(bin);
      await expect(loadModel(folder)).rejects.toThrow(`${STORE_ERRORS.missingFile}: ${bin}`);
      const json = join(folder, 'encoder', 'model.json');
      await writeFile(json, '{"hello": 1}');
      await expect(loadModel(folder)).rejects.toThrow(`${STORE_ERRORS.notLayersModel}: ${json}`);
    });

    it('rejects parts that do not match the metadata', async () => {
      const { model, folder } = await saved('mlp-vae', 'mismatch');
      model.dispose();
      const meta = JSON.parse(await readFile(join(folder, 'latentdraw.json'), 'utf8'));
      await writeFile(join(folder, 'latentdraw.json'), JSON.stringify({ ...meta, latentSize: 5 }));
      await expect(loadModel(folder)).rejects.toThrow(STORE_ERRORS.partMismatch);
    });

    it('does not leak tensors on failed loads', async () => {
      const before = tf.memory().numTensors;
      await expect(loadModel(join(dir, 'mismatch'))).rejects.toThrow();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
