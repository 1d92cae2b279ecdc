import type { AdapterInfo } from './types/backend';

/**
 * What a WebGPU adapter says about itself, read the same way in Node (Dawn's binding) and in
 * Chromium: both expose `adapter.info`; older builds put `isFallbackAdapter` on the adapter.
 */
export interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

export interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<GpuAdapterLike | null>;
}

/** Software rasterizers that implement WebGPU on the CPU: correct, and far too slow to train on. */
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software|microsoft basic render|warp/i;

export function describeAdapter(adapter: GpuAdapterLike): AdapterInfo {
  const vendor = adapter.info?.vendor ?? '';
  const architecture = adapter.info?.architecture ?? '';
  const description = adapter.info?.description ?? '';
  const fallback = adapter.info?.isFallbackAdapter === true || adapter.isFallbackAdapter === true;
  return {
    vendor,
    architecture,
    description,
    software: fallback || SOFTWARE.test(`${vendor} ${architecture} ${description}`),
  };
}

export const WEBGPU_ERRORS = {
  noApi: 'this runtime has no WebGPU (navigator.gpu is missing)',
  noAdapter: 'WebGPU found no adapter (no GPU, or no Vulkan/Metal/D3D12 driver)',
  softwareOnly: (adapter: AdapterInfo) =>
    `software adapter only (${[adapter.vendor, adapter.architecture, adapter.description].filter(Boolean).join(', ') || 'fallback adapter'}); set LATENTDRAW_WEBGPU_ALLOW_SOFTWARE=1 to use it anyway`,
} as const;

export type AdapterVerdict = { ok: true; adapter: AdapterInfo } | { ok: false; reason: string; adapter?: AdapterInfo };

/** Asks for a high-performance adapter and refuses software ones unless allowed. */
export async function probeAdapter(gpu: GpuLike | undefined, allowSoftware: boolean): Promise<AdapterVerdict> {
  if (!gpu) return { ok: false, reason: WEBGPU_ERRORS.noApi };
  const found = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!found) return { ok: false, reason: WEBGPU_ERRORS.noAdapter };
  const adapter = describeAdapter(found);
  if (adapter.software && !allowSoftware) return { ok: false, reason: WEBGPU_ERRORS.softwareOnly(adapter), adapter };
  return { ok: true, adapter };
}
