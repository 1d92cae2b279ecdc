import { tf } from '../../src/engine/backend/select';
import type { Trainer } from './step';

export interface KernelShare {
  kernel: string;
  ms: number;
  calls: number;
}

/** Where one training step's time goes, per kernel name (wall time of each kernel call). */
export async function profileStep(trainer: Trainer): Promise<{ totalMs: number; kernels: KernelShare[] }> {
  trainer.step();
  const t0 = performance.now();
  const info = await tf.profile(() => {
    trainer.step();
  });
  const totalMs = performance.now() - t0;
  const byName = new Map<string, KernelShare>();
  for (const k of info.kernels) {
    // `fusedMatMul__op`-style entries wrap a kernel that is listed too: counting both would double it.
    if (k.name.endsWith('__op')) continue;
    const ms = await k.kernelTimeMs;
    const entry = byName.get(k.name) ?? { kernel: k.name, ms: 0, calls: 0 };
    entry.ms += typeof ms === 'number' ? ms : 0;
    entry.calls += 1;
    byName.set(k.name, entry);
  }
  return { totalMs, kernels: [...byName.values()].sort((a, b) => b.ms - a.ms) };
}

export function formatProfile(label: string, p: { totalMs: number; kernels: KernelShare[] }, top = 14): string {
  const kernelSum = p.kernels.reduce((s, k) => s + k.ms, 0);
  const lines = [`${label}: step ${p.totalMs.toFixed(1)} ms (kernels ${kernelSum.toFixed(1)} ms)`];
  for (const k of p.kernels.slice(0, top)) {
    const share = ((100 * k.ms) / kernelSum).toFixed(1).padStart(5);
    lines.push(
      `  ${k.kernel.padEnd(28)} ${k.ms.toFixed(1).padStart(8)} ms ${share}%  ${String(k.calls).padStart(4)} calls`,
    );
  }
  return lines.join('\n');
}
