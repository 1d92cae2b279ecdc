import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  peerEnvironment,
  runSketchPeer,
  SKETCH_PEER_DEFAULTS,
  SKETCH_PEER_ERRORS,
  sketchPeerOptions,
} from '../../../bench/quality/fidelity/sketch-peer';
import { parseArgs } from '../../../bench/quality/args';
import type { TrainingData } from '../../../src/engine/data/training-data.types';

function tinyCats(count: number): TrainingData {
  const px = 28 * 28;
  const images = new Uint8Array(count * px);
  for (let i = 0; i < images.length; i++) images[i] = (i * 37) % 251;
  return {
    source: 'made in the test',
    recipe: 'quickdraw28',
    imageSize: 28,
    count,
    images,
    labels: new Int32Array(count),
    classNames: ['cat'],
    trainIndex: Int32Array.from({ length: count - 2 }, (_, i) => i),
    validationIndex: Int32Array.from([count - 2, count - 1]),
  };
}

describe('the PyTorch peer of the sketch benchmark', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ld-sketch-peer-test-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const run = (python: string) =>
    runSketchPeer({
      data: tinyCats(6),
      sets: [new Float32Array(2 * 784)],
      settings: { ...SKETCH_PEER_DEFAULTS, epochs: 1 },
      options: { python },
      log: () => {},
    });

  test('runs on one thread, with OpenBLAS choosing its own kernels', () => {
    const env = peerEnvironment({ PATH: '/bin', OPENBLAS_CORETYPE: 'Haswell', OPENBLAS_L2_SIZE: '1', HOME: '/h' });
    expect(env).toEqual({ PATH: '/bin', HOME: '/h', OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' });
  });

  test('without a Python, says so instead of failing the benchmark', async () => {
    const python = join(folder, 'no-such-python');
    expect(await run(python)).toEqual({ ok: false, reason: SKETCH_PEER_ERRORS.noPython(python) });
  });

  test('with a Python that has no torch, says so', async () => {
    // The system's own Python with its site packages (numpy, torch) turned off.
    const python = join(folder, 'python-without-packages');
    await writeFile(python, '#!/bin/sh\nexec python3 -S "$@"\n');
    await chmod(python, 0o755);
    const outcome = await run(python);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason.startsWith(`${SKETCH_PEER_ERRORS.noTorch(python)}: cannot import `)).toBe(true);
  });

  test('a peer that crashes is reported with the end of its error output', async () => {
    const python = join(folder, 'python-that-crashes');
    await writeFile(python, '#!/bin/sh\necho "first line" >&2\necho "Traceback: boom" >&2\nexit 1\n');
    await chmod(python, 0o755);
    expect(await run(python)).toEqual({
      ok: false,
      reason: SKETCH_PEER_ERRORS.failed(1, 'first line | Traceback: boom'),
    });
  });

  test('the quality bench turns it on with --sketch-peer; short runs take epochs and a limit', () => {
    expect(sketchPeerOptions(parseArgs(['--fidelity']))).toBeUndefined();
    expect(sketchPeerOptions(parseArgs(['--fidelity', '--sketch-peer']))).toEqual({
      epochs: undefined,
      trainLimit: undefined,
    });
    expect(
      sketchPeerOptions(parseArgs(['--sketch-peer', '--sketch-peer-epochs', '1', '--sketch-peer-limit', '300'])),
    ).toEqual({ epochs: 1, trainLimit: 300 });
    expect(() => sketchPeerOptions(parseArgs(['--sketch-peer', '--sketch-peer-limit', '0']))).toThrow(
      SKETCH_PEER_ERRORS.badLimit('0'),
    );
    expect(() => sketchPeerOptions(parseArgs(['--sketch-peer', '--sketch-peer-epochs', '1.5']))).toThrow(
      SKETCH_PEER_ERRORS.badEpochs('1.5'),
    );
  });
});
