import { selectBackend } from '../../src/engine/backend/select';
import { registerWasmKernels } from '../../src/engine/backend/register-kernels';
import { makeTrainer } from './step';
import { formatProfile, profileStep } from './profile';
await selectBackend({ only: 'wasm' });
registerWasmKernels();
for (const [kind, batch] of [
  ['mlp-vae', 128],
  ['conv-vae', 64],
  ['conv-ae', 128],
] as const) {
  if (process.argv[2] && process.argv[2] !== kind) continue;
  const t = makeTrainer(kind, batch);
  console.log(formatProfile(kind, await profileStep(t), 25));
  t.dispose();
}
