import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { KERNELS_DIR, kernelListings, listingOf } from '../../../scripts/kernel-listings';
import { SIMD_FUNCTIONS } from '../../../src/engine/backend/kernels/simd-adam';
import { op } from '../../../src/engine/backend/kernels/wasm-asm';

describe('the SIMD kernels’ listings (npm run kernels:listing)', async () => {
  const listings = await kernelListings();

  test('cover every simd-*.ts kernel, and no .wat is left without its kernel', () => {
    const committed = readdirSync(KERNELS_DIR).filter((name) => name.endsWith('.wat'));
    expect(listings.map((l) => l.path).sort()).toEqual(committed.map((name) => `${KERNELS_DIR}/${name}`).sort());
    expect(listings.map((l) => l.path)).toContain(`${KERNELS_DIR}/simd-adam.wat`);
  });

  test.each(listings.map((l) => [l.path, l.text]))('%s is what the code builds today', (path, text) => {
    expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run kernels:listing`).toBe(text);
  });

  test('a change in the bytes shows in the listing', () => {
    const [what, adam] = Object.entries(SIMD_FUNCTIONS)[0];
    const changed = {
      ...adam,
      statements: adam.statements.map((s) => s.map((b) => (b === op.sqrt[1] ? op.mul[1] : b))),
    };
    expect(listingOf('simd-adam.ts', { [what]: changed })).not.toBe(listingOf('simd-adam.ts', SIMD_FUNCTIONS));
  });
});
