import { selectBackend, tf } from '../../src/engine/backend/select';
import { registerWasmKernels } from '../../src/engine/backend/register-kernels';
import { makeTrainer } from './step';
await selectBackend({ only: 'wasm' });
registerWasmKernels();
for (const kind of ['conv-vae', 'mlp-vae'] as const) {
const t = makeTrainer(kind, 64);
for (let i = 0; i < 5; i++) t.encodeDecodeOne();
const info = await tf.profile(() => { t.encodeDecodeOne(); });
const agg = new Map<string, number>();
for (const k of info.kernels) agg.set(k.name, (agg.get(k.name) ?? 0) + (await k.kernelTimeMs as number));
console.log(kind, [...agg].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, ms]) => `${n} ${ms.toFixed(2)}`).join(' | '));
const t0 = performance.now(); for (let i = 0; i < 20; i++) t.encodeDecodeOne(); console.log('avg ms', (performance.now() - t0) / 20);
}
