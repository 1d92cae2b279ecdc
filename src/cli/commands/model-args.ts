import type { RasterRecipe } from '../../engine/data/training-data.types';
import { registerWasmKernels } from '../../engine/backend/register-kernels';
import { selectBackend } from '../../engine/backend/select';
import { UsageError } from '../command';

export function recipeOf(value: string | undefined): RasterRecipe | undefined {
  if (value === undefined) return undefined;
  if (value !== 'quickdraw28' && value !== 'cookbook32') throw new UsageError('--recipe must be quickdraw28 or cookbook32');
  return value;
}

/** The best backend, with the project's wasm kernels when it is wasm (conv training needs them). */
export async function startBackend(): Promise<string> {
  const report = await selectBackend();
  if (report.backend === 'wasm') registerWasmKernels();
  return report.backend;
}

export function fixed(v: number, digits = 2): string {
  return Number.isFinite(v) ? v.toFixed(digits) : String(v);
}
