import { existsSync } from 'node:fs';
import type { TrainingData } from '../../src/engine/data/training-data.types';
import { isConvolutional, type ModelKind } from '../../src/engine/models/types';
import { resolveSettings } from '../../src/engine/train/resolve-settings';
import type { TrainSettings } from '../../src/engine/train/settings';
import type { BackendName, TrainerBackendName } from '../../src/shared/types/backend';
import { mnistDigits, padTo32 } from './digits';

/** Chromium's SwiftShader Vulkan driver (Debian's `chromium` package). */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/**
 * Lets WebGPU run on SwiftShader in this process: Dawn's Vulkan loader reads the ICD path
 * when its instance is made, and software adapters are refused unless allowed. Throws a clear
 * error where the driver is absent.
 */
export function useSoftwareWebgpu(): void {
  if (!process.env.VK_ICD_FILENAMES) {
    if (!existsSync(SWIFTSHADER_ICD)) {
      throw new Error(
        `WebGPU tests need SwiftShader's Vulkan driver at ${SWIFTSHADER_ICD} (apt-get install chromium libvulkan1)`,
      );
    }
    process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  }
  process.env.LATENTDRAW_WEBGPU_ALLOW_SOFTWARE = '1';
}

/**
 * The runs the WebGPU tests compare: a few steps of two drawings (SwiftShader is slow), against
 * cpu, or wasm with the project's kernels for the conv kinds (tfjs's cpu takes ~20 s per
 * conv-VAE step of two drawings; the wasm kernels are themselves tested against cpu).
 */
export const webgpuReference = (kind: ModelKind): BackendName => (isConvolutional(kind) ? 'wasm' : 'cpu');

export function webgpuTestSettings(kind: ModelKind, backend: TrainerBackendName): TrainSettings {
  return resolveSettings(
    {
      epochs: isConvolutional(kind) ? 1 : 2,
      batchSize: 2,
      latentSize: 2,
      hiddenSize: 64,
      seed: 3,
      workers: 1,
      backend,
    },
    kind,
  );
}

/** Six MNIST digits (four to train, two to validate); 32×32 for the conv autoencoder. */
export async function webgpuTestData(): Promise<(kind: ModelKind) => TrainingData> {
  const digits = await mnistDigits(6, 1 / 3);
  return (kind) => (kind === 'conv-ae' ? padTo32(digits) : digits);
}
