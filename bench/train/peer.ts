import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'peer.py');

/** The first python that can import torch (Debian's python3-torch lives in /usr/bin/python3). */
function findPython(): string | undefined {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  return candidates.find((py) => spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0);
}

const python = findPython();

/** mirrored: the studio's model and loss as they are; idiomatic: logits + BCE-with-logits. */
export type PeerVariant = 'mirrored' | 'idiomatic';

export interface PeerResult {
  samplesPerSecond: number;
  /** CPU time of one step: what the step costs whatever else the machine is running. */
  cpuMs: number;
}

/** The PyTorch peer (one thread) for a model, or undefined where torch is absent. */
export function runPeer(
  kind: string,
  batch: number,
  seconds: number,
  variant: PeerVariant = 'mirrored',
): PeerResult | undefined {
  if (!python) return undefined;
  const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const args = [script, kind, String(batch), String(seconds), variant];
  const run = spawnSync(python, args, { encoding: 'utf8', env });
  if (run.status !== 0) {
    process.stderr.write(`peer (${variant}) failed for ${kind}: ${run.stderr}\n`);
    return undefined;
  }
  const line = run.stdout.trim().split('\n').at(-1) ?? '{}';
  const out = JSON.parse(line) as { samples_per_s?: number; cpu_ms?: number };
  if (out.samples_per_s === undefined || out.cpu_ms === undefined) return undefined;
  return { samplesPerSecond: out.samples_per_s, cpuMs: out.cpu_ms };
}

export const peerPython = python;
