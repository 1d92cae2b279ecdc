import { createRequire } from 'node:module';
import { probeAdapter, type AdapterVerdict, type GpuLike } from '../../shared/webgpu-adapter';

const require = createRequire(import.meta.url);

export const DAWN_ERRORS = {
  notInstalled: 'the webgpu package (Dawn for Node) is not installed',
  loadFailed: (why: string) => `the webgpu package (Dawn for Node) failed to load: ${why}`,
} as const;

/** Tests set this to accept SwiftShader; a person never needs to. */
export function softwareAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.LATENTDRAW_WEBGPU_ALLOW_SOFTWARE === '1';
}

interface DawnModule {
  create(options: string[]): GpuLike;
  globals: object;
}

let installed: GpuLike | undefined;

/**
 * Dawn's Node binding as `navigator.gpu`, which tfjs-backend-webgpu looks for when it is
 * imported. Installed once per thread (each worker thread has its own globals).
 */
export function installDawn(): GpuLike {
  if (installed) return installed;
  let dawn: DawnModule;
  try {
    dawn = require('webgpu') as DawnModule;
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new Error(
      code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND'
        ? DAWN_ERRORS.notInstalled
        : DAWN_ERRORS.loadFailed(error instanceof Error ? error.message : String(error)),
      { cause: error },
    );
  }
  // The backend uses the WebGPU constants (GPUBufferUsage, GPUMapMode…) as globals.
  Object.assign(globalThis, dawn.globals);
  installed = dawn.create([]);
  const holder = globalThis as { navigator?: { gpu?: GpuLike } };
  if (holder.navigator) holder.navigator.gpu = installed;
  else
    Object.defineProperty(globalThis, 'navigator', { value: { gpu: installed }, configurable: true, writable: true });
  return installed;
}

/** Whether Dawn finds a usable adapter here, and which. */
export async function probeDawn(allowSoftware = softwareAllowed()): Promise<AdapterVerdict> {
  let gpu: GpuLike;
  try {
    gpu = installDawn();
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  return probeAdapter(gpu, allowSoftware);
}
