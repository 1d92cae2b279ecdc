import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Marks that the person chose GPU training once: Linux needs Chromium switches from then on. */
export const GPU_PREFERENCE_FILE = 'gpu-training.json';

export function gpuChosen(userData: string): boolean {
  return existsSync(join(userData, GPU_PREFERENCE_FILE));
}

export function rememberGpuChosen(userData: string): void {
  mkdirSync(userData, { recursive: true });
  writeFileSync(join(userData, GPU_PREFERENCE_FILE), JSON.stringify({ chosenAt: new Date().toISOString() }));
}
