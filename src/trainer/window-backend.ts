import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { AdapterInfo, BackendStatus, TrainerBackendName } from '../shared/types/backend';
import { probeAdapter, type GpuLike } from '../shared/webgpu-adapter';
import { TRAINER_ERRORS } from '../engine/train/trainer/protocol';

/** navigator.gpu of this page, where Chromium has WebGPU (the DOM library does not declare it). */
function pageGpu(): GpuLike | undefined {
  return (navigator as Navigator & { gpu?: GpuLike }).gpu;
}

async function webgpuStatus(allowSoftware: boolean): Promise<BackendStatus> {
  const verdict = await probeAdapter(pageGpu(), allowSoftware);
  return verdict.ok
    ? { name: 'webgpu', available: true, adapter: verdict.adapter }
    : { name: 'webgpu', available: false, reason: verdict.reason, adapter: verdict.adapter };
}

/** WebGL2 through a canvas: the fallback where a window has no usable WebGPU. */
function webglStatus(): BackendStatus {
  const ok = typeof OffscreenCanvas === 'function' && new OffscreenCanvas(1, 1).getContext('webgl2') !== null;
  return ok ? { name: 'webgl', available: true } : { name: 'webgl', available: false, reason: 'no WebGL2 context' };
}

/** The GPU backends this window could train on, best first. */
export async function windowBackends(allowSoftware: boolean): Promise<BackendStatus[]> {
  return [await webgpuStatus(allowSoftware), webglStatus()];
}

/**
 * Puts this page's tfjs on the backend asked for: WebGPU (a high-performance adapter; software
 * ones only when allowed), else WebGL; `cpu` only when asked by name (tests compare with it).
 */
export async function useWindowBackend(
  requested: TrainerBackendName | undefined,
  allowSoftware: boolean,
): Promise<{ backend: TrainerBackendName; adapter?: AdapterInfo }> {
  if (requested === 'cpu') {
    await tf.setBackend('cpu');
    return { backend: 'cpu' };
  }
  if (requested !== undefined && requested !== 'webgpu' && requested !== 'webgl') {
    throw new Error(TRAINER_ERRORS.unavailable(requested, 'a trainer window trains on the GPU only'));
  }
  const webgpu = requested === 'webgl' ? undefined : await webgpuStatus(allowSoftware);
  if (webgpu?.available && (await tf.setBackend('webgpu'))) {
    await tf.ready();
    return { backend: 'webgpu', adapter: webgpu.adapter };
  }
  const webgl = webglStatus();
  if (webgl.available && (await tf.setBackend('webgl'))) {
    await tf.ready();
    return { backend: 'webgl' };
  }
  throw new Error(
    TRAINER_ERRORS.unavailable(requested ?? 'the GPU', webgpu?.reason ?? webgl.reason ?? 'no GPU backend'),
  );
}
