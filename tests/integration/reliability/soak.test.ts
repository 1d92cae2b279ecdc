import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tf } from '../../../src/engine/backend/select';
import { startEngine, type Engine } from '../../../src/engine/engine';
import { loadTrainingData } from '../../../src/engine/data/training-data';
import { train } from '../../../src/engine/train/job/run-in-process';
import { sharedData } from '../../helpers/shared-data';
import { tempDir } from '../../helpers/temp-folder';

const SHIPPED = resolve('resources/models/mnist-vae/latentdraw.json');
const CALLS = 10_000;

function stroke(i: number) {
  const a = (i % 17) / 17;
  return [{ x: [10, 120 + 60 * a, 200], y: [20, 150, 240 - 80 * a] }];
}

async function call(engine: Engine, channel: string, payload: unknown) {
  const envelope = await engine.handle(channel, payload);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value;
}

const mb = () => process.memoryUsage().rss / 1024 / 1024;

describe('long runs keep tensors and memory flat', () => {
  test.skipIf(!existsSync(SHIPPED))(`${CALLS} encode/decode calls through the engine`, async () => {
    const engine = await startEngine(
      {
        dataHome: tempDir('soak'),
        resourcesDir: resolve('resources'),
        backend: 'wasm',
      },
      () => undefined,
    );
    const modelId = 'shipped:mnist-vae';
    // Warm up: load the model, fill caches and the allocator.
    for (let i = 0; i < 200; i++) await call(engine, 'latent:reconstruct', { modelId, strokes: stroke(i) });
    const tensorsBefore = tf.memory().numTensors;
    const rssBefore = mb();
    const started = performance.now();
    for (let i = 0; i < CALLS / 2; i++) {
      await call(engine, 'latent:reconstruct', { modelId, strokes: stroke(i) });
      await call(engine, 'latent:decode', { modelId, z: new Float32Array([Math.sin(i), Math.cos(i)]) });
    }
    const seconds = (performance.now() - started) / 1000;
    const tensorsAfter = tf.memory().numTensors;
    const rssAfter = mb();
    console.log(
      `soak: ${CALLS} calls in ${seconds.toFixed(1)} s; tensors ${tensorsBefore} → ${tensorsAfter}; ` +
        `RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB`,
    );
    expect(tensorsAfter).toBe(tensorsBefore);
    expect(rssAfter - rssBefore).toBeLessThan(64);
  });

  test('several training runs one after another', async () => {
    await (await import('../../../src/engine/backend/select')).selectBackend({ only: 'wasm' });
    const data = await loadTrainingData(sharedData('mnist/t10k-images-idx3-ubyte.gz'), 'mnist28', {
      limit: 600,
      seed: 1,
    });
    const counts: number[] = [];
    const rss: number[] = [];
    for (let run = 0; run < 4; run++) {
      const result = await train(data, run % 2 ? 'cvae' : 'mlp-vae', {
        epochs: 2,
        batchSize: 50,
        hiddenSize: 64,
        seed: run,
      });
      result.model.dispose();
      counts.push(tf.memory().numTensors);
      rss.push(mb());
    }
    console.log(
      `training runs: tensors after each ${counts.join(', ')}; RSS ${rss.map((r) => r.toFixed(0)).join(', ')} MB`,
    );
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(rss[3] - rss[1]).toBeLessThan(64);
  });
});
