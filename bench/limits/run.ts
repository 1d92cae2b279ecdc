// What one request at the drawing limits costs, step by step, as the host and the engine pay
// it: wire decode (the WebSocket frame), schema validation (the router), then the engine's
// reconstruct (normalise + RDP + rasterise + encode + decode) on the shipped MNIST VAE.
// The limits in src/shared/contract/drawing.ts are chosen so the total stays within a frame
// or two. Usage: npx tsx bench/limits/run.ts [--repeat N]
import { resolve } from 'node:path';
import { selectBackend } from '../../src/engine/backend/select';
import { loadModel } from '../../src/engine/models/index';
import { reconstructStrokes } from '../../src/engine/runtime/latent-ops';
import { channels } from '../../src/shared/contract/index';
import { DRAWING_LIMITS } from '../../src/shared/contract/drawing';
import { decodeWire, encodeWire } from '../../src/shared/contract/wire';

const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 5;

/** A wobbly drawing of `strokes` strokes sharing `points` points, as a canvas makes them. */
function drawing(strokes: number, points: number) {
  const per = Math.floor(points / strokes);
  return Array.from({ length: strokes }, (_, s) => ({
    x: Array.from({ length: per }, (_, i) => 400 + 300 * Math.cos(i / 40 + s) + ((i * 7919) % 13) / 10),
    y: Array.from({ length: per }, (_, i) => 300 + 200 * Math.sin(i / 31 + s) + ((i * 104729) % 17) / 10),
  }));
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

async function time(run: () => unknown | Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

await selectBackend({ only: 'wasm' });
const loaded = await loadModel(resolve('resources/models/mnist-vae'));
const request = channels['latent:reconstruct'].request;
console.log(
  `limits: ${DRAWING_LIMITS.points} points in all, ${DRAWING_LIMITS.strokes} strokes, ${DRAWING_LIMITS.pointsPerStroke} per stroke; median of ${repeat}`,
);
for (const [strokes, points] of [
  [1, 1_000],
  [2, DRAWING_LIMITS.points],
  [20, DRAWING_LIMITS.points],
  [DRAWING_LIMITS.strokes, DRAWING_LIMITS.points],
]) {
  const strokesValue = drawing(strokes, points);
  const frame = encodeWire({
    id: 1,
    channel: 'latent:reconstruct',
    payload: { modelId: 'shipped:mnist-vae', strokes: strokesValue },
  });
  const decode = await time(() => decodeWire(frame));
  const payload = (decodeWire(frame) as { payload: unknown }).payload;
  const validate = await time(() => request.parse(payload));
  const reconstruct = await time(() => reconstructStrokes(loaded, strokesValue));
  const total = decode + validate + reconstruct;
  console.log(
    `${String(strokes).padStart(5)} strokes × ${String(Math.floor(points / strokes)).padStart(6)} points  frame ${(frame.length / 1024).toFixed(0).padStart(5)} KiB  ` +
      `decode ${decode.toFixed(1)} ms  validate ${validate.toFixed(1)} ms  reconstruct ${reconstruct.toFixed(1)} ms  total ${total.toFixed(1)} ms`,
  );
}
loaded.model.dispose();
