import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BackendName, BackendReport, BackendStatus } from '../../shared/types/backend';
import { registerCpuKernelFixes, registerWasmKernels } from './register-kernels';

const require = createRequire(import.meta.url);

/** Best first: the order in which the engine tries compute backends. */
export const BACKEND_ORDER: readonly BackendName[] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];

export const BACKEND_ERRORS = {
  notInstalled: (pkg: string) =>
    `${pkg} is not installed (its install downloads libtensorflow, which was not reachable when npm install ran)`,
  loadFailed: (pkg: string, why: string) => `${pkg} is installed but failed to load: ${why}`,
  noGpu: 'tfjs-node-gpu loaded but TensorFlow found no CUDA GPU',
  unknownBackend: (name: string) => `unknown backend "${name}"; expected one of ${BACKEND_ORDER.join(', ')}`,
} as const;

export interface SelectOptions {
  /** Use exactly this backend (tests and benchmarks); otherwise the best available one. */
  only?: BackendName;
  /** Folder holding tfjs-backend-wasm's .wasm files; found in node_modules when absent. */
  wasmDir?: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
}

/** The folder of tfjs-backend-wasm's `dist`, where its .wasm binaries live. */
export function defaultWasmDir(): string {
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '/');
}

async function tryNative(name: 'tensorflow-gpu' | 'tensorflow'): Promise<BackendStatus> {
  const pkg = name === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
  try {
    require(pkg);
  } catch (error) {
    const reason = isMissingModule(error)
      ? BACKEND_ERRORS.notInstalled(pkg)
      : BACKEND_ERRORS.loadFailed(pkg, describe(error));
    return { name, available: false, reason };
  }
  if (!(await tf.setBackend('tensorflow'))) {
    return {
      name,
      available: false,
      reason: BACKEND_ERRORS.loadFailed(pkg, 'backend did not initialise'),
    };
  }
  return { name, available: true };
}

async function tryWasm(wasmDir: string | undefined): Promise<BackendStatus> {
  try {
    const dir = wasmDir ?? defaultWasmDir();
    setWasmPaths(dir.endsWith('/') || dir.endsWith('\\') ? dir : `${dir}/`);
    if (!(await tf.setBackend('wasm'))) throw new Error('backend did not initialise');
    // Stock wasm cannot train conv layers and runs transposed matmuls slowly: ours fix both.
    registerWasmKernels();
    return { name: 'wasm', available: true };
  } catch (error) {
    return {
      name: 'wasm',
      available: false,
      reason: `wasm backend failed: ${describe(error)}`,
    };
  }
}

async function tryCpu(): Promise<BackendStatus> {
  const ok = await tf.setBackend('cpu');
  return ok ? { name: 'cpu', available: true } : { name: 'cpu', available: false, reason: 'cpu backend failed' };
}

async function tryBackend(name: BackendName, options: SelectOptions): Promise<BackendStatus> {
  switch (name) {
    case 'tensorflow-gpu':
    case 'tensorflow':
      return tryNative(name);
    case 'wasm':
      return tryWasm(options.wasmDir);
    case 'cpu':
      return tryCpu();
    case 'webgpu':
      return { name, available: false, reason: 'not wired yet' };
  }
}

let active: BackendName | undefined;

/**
 * The backend selectBackend chose in this thread, in our names: tfjs calls both native
 * backends 'tensorflow', but a second thread must load the same package (GPU or CPU).
 */
export function activeBackend(): BackendName {
  return active ?? (tf.getBackend() === 'wasm' ? 'wasm' : 'cpu');
}

/**
 * Picks the compute backend once, best first, and reports why each better one was not used.
 * The returned `tf` is the one handle the rest of the engine computes with.
 */
export async function selectBackend(options: SelectOptions = {}): Promise<BackendReport> {
  if (options.only && !BACKEND_ORDER.includes(options.only)) {
    throw new Error(BACKEND_ERRORS.unknownBackend(options.only));
  }
  // tfjs 4.22's cpu ResizeNearestNeighborGrad is wrong for batches > 1; ours replaces it.
  registerCpuKernelFixes();
  const order = options.only ? [options.only] : BACKEND_ORDER;
  const statuses: BackendStatus[] = [];
  let chosen: BackendName | undefined;
  for (const name of order) {
    if (chosen) {
      statuses.push({
        name,
        available: true,
        reason: 'not tried: a better backend was chosen',
      });
      continue;
    }
    const status = await tryBackend(name, options);
    statuses.push(status);
    if (status.available) chosen = name;
  }
  if (!chosen)
    throw new Error(`no compute backend available: ${statuses.map((s) => `${s.name}: ${s.reason}`).join('; ')}`);
  await tf.ready();
  active = chosen;
  return { backend: chosen, tfBackend: tf.getBackend(), statuses };
}

export { tf };
