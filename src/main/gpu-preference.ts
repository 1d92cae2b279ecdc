import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Present while the person has GPU training on: Linux then passes Chromium's WebGPU switches at
 * launch. A marker rather than a setting to parse, so a damaged file can never stop the app.
 */
export const GPU_PREFERENCE_FILE = 'gpu-training.json';

export const GPU_PREFERENCE_ERRORS = {
  notSaved: (path: string, why: string) => `could not save the GPU training choice in ${path}: ${why}`,
} as const;

export function gpuTrainingOn(userData: string): boolean {
  return statSync(join(userData, GPU_PREFERENCE_FILE), { throwIfNoEntry: false })?.isFile() === true;
}

export function saveGpuTraining(userData: string, on: boolean): void {
  const path = join(userData, GPU_PREFERENCE_FILE);
  try {
    if (on) {
      mkdirSync(userData, { recursive: true });
      writeFileSync(path, JSON.stringify({ chosenAt: new Date().toISOString() }));
    } else {
      rmSync(path, { force: true });
    }
  } catch (error) {
    throw new Error(GPU_PREFERENCE_ERRORS.notSaved(path, error instanceof Error ? error.message : String(error)), {
      cause: error,
    });
  }
}
