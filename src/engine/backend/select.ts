import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BACKEND_NAMES, type BackendName, type BackendReport, type BackendStatus } from '../../shared/types/backend';
import { registerCpuKernelFixes, registerWasmKernels } from './register-kernels';
import { probeDawn } from './webgpu-node';

const require = createRequire(import.meta.url);

/** Best first: the order in which a training run tries compute backends. */
export const BACKEND_ORDER: readonly BackendName[] = BACKEND_NAMES;

/**
 * The engine's own order, for interactive inference: one drawing is a few small matmuls, and
 * a GPU's upload-dispatch-readback round trip costs more than wasm computes them in, so
 * WebGPU is used for training only (it can still be asked for by name).
 */
export const INFERENCE_ORDER: readonly BackendName[] = BACKEND_ORDER.filter((name) => name !== 'webgpu');

export const BACKEND_ERRORS = {
  notInstalled: (pkg: string) =>
    `${pkg} is not installed (its install downloads libtensorflow, which was not reachable when npm install ran)`,
  notInInstalledApp: (pkg: string) =>
    `${pkg} is not part of the installed app (the installers leave native TensorFlow out); the CLI from a checkout can use it`,
  loadFailed: (pkg: string, why: string) => `${pkg} is installed but failed to load: ${why}`,
  noGpu: 'tfjs-node-gpu loaded but TensorFlow found no CUDA GPU',
  unknownBackend: (name: string) => `unknown backend "${name}"; expected one of ${BACKEND_ORDER.join(', ')}`,
} as const;

export interface SelectOptions {
  /** Use exactly this backend (tests and benchmarks); otherwise the best available one. */
  only?: BackendName;
  /** Folder holding tfjs-backend-wasm's .wasm files; found in node_modules when absent. */
  wasmDir?: string;
  /** The order to try when `only` is absent (default: the engine's inference order). */
  order?: readonly BackendName[];
  /** The installed desktop app, whose installers leave the native TensorFlow packages out. */
  installedApp?: boolean;
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

async function tryNative(name: 'tensorflow-gpu' | 'tensorflow', installedApp: boolean): Promise<BackendStatus> {
  const pkg = name === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
  // Left out of the installers on purpose (electron-builder.yml): there is nothing to look for.
  if (installedApp) return { name, available: false, reason: BACKEND_ERRORS.notInInstalledApp(pkg) };
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

async function tryWebgpu(): Promise<BackendStatus> {
  const verdict = await probeDawn();
  if (!verdict.ok) return { name: 'webgpu', available: false, reason: verdict.reason, adapter: verdict.adapter };
  try {
    // Imported only now: the backend registers itself only if navigator.gpu exists at import.
    await import('@tensorflow/tfjs-backend-webgpu');
    if (!(await tf.setBackend('webgpu'))) throw new Error('backend did not initialise');
  } catch (error) {
    return {
      name: 'webgpu',
      available: false,
      reason: `webgpu backend failed: ${describe(error)}`,
      adapter: verdict.adapter,
    };
  }
  return { name: 'webgpu', available: true, adapter: verdict.adapter };
}

async function tryCpu(): Promise<BackendStatus> {
  const ok = await tf.setBackend('cpu');
  return ok ? { name: 'cpu', available: true } : { name: 'cpu', available: false, reason: 'cpu backend failed' };
}

async function tryBackend(name: BackendName, options: SelectOptions): Promise<BackendStatus> {
  switch (name) {
    case 'tensorflow-gpu':
    case 'tensorflow':
      return tryNative(name, options.installedApp ?? false);
    case 'wasm':
      return tryWasm(options.wasmDir);
    case 'cpu':
      return tryCpu();
    case 'webgpu':
      return tryWebgpu();
  }
}

let active: BackendName | undefined;

/**
 * The backend selectBackend chose in this thread, in our names: tfjs calls both native
 * backends 'tensorflow', but a second thread must load the same package (GPU or CPU).
 */
export function activeBackend(): BackendName {
  if (active) return active;
  const name = tf.getBackend();
  return name === 'wasm' || name === 'webgpu' ? name : 'cpu';
}

/**
 * Every backend a training run could use, best first, without switching this thread's backend:
 * the engine's own report, with WebGPU probed (through Dawn) where the engine did not try it.
 */
export async function trainingBackends(report: BackendReport): Promise<BackendStatus[]> {
  const webgpu =
    report.statuses.find((s) => s.name === 'webgpu' && s.reason === undefined) ?? (await probeWebgpuStatus());
  const known = new Map(report.statuses.map((s) => [s.name, s]));
  known.set('webgpu', webgpu);
  return BACKEND_ORDER.map((name) => known.get(name) ?? { name, available: false, reason: 'not tried' });
}

async function probeWebgpuStatus(): Promise<BackendStatus> {
  const verdict = await probeDawn();
  return verdict.ok
    ? { name: 'webgpu', available: true, adapter: verdict.adapter }
    : { name: 'webgpu', available: false, reason: verdict.reason, adapter: verdict.adapter };
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
  const order = options.only ? [options.only] : (options.order ?? INFERENCE_ORDER);
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
