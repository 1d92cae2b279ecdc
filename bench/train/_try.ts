import { selectBackend, tf } from '../../src/engine/backend/select';
import { registerWasmKernels } from '../../src/engine/backend/register-kernels';
import { makeTrainer } from './step';
const backend = (process.argv[2] ?? 'wasm') as 'wasm' | 'cpu';
await selectBackend({ only: backend });
if (backend === 'wasm') registerWasmKernels();
for (const [kind, batch] of [
  ['mlp-vae', 128],
  ['conv-vae', 64],
  ['conv-ae', 128],
] as const) {
  const t = makeTrainer(kind, batch);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const l = t.step();
    console.log(kind, i, l.toFixed(2), (performance.now() - t0).toFixed(1), 'ms', tf.memory().numTensors);
  }
  t.dispose();
}
