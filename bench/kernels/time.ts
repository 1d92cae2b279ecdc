import { tf } from '../../src/engine/backend/select';

/** Median wall time in ms of `f` (after warm-up), reading the result back so the work is done. */
export async function medianMs(f: () => tf.Tensor | tf.Tensor[], reps = 7, warmup = 2): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < warmup + reps; i++) {
    const t0 = performance.now();
    const out = f();
    const list = Array.isArray(out) ? out : [out];
    for (const t of list) await t.data();
    const dt = performance.now() - t0;
    tf.dispose(list);
    if (i >= warmup) times.push(dt);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
