import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXPLORE_MESSAGES } from '../../src/renderer/src/lib/explore-messages';
import { openStudio, type Studio } from './harness';

describe('Explore tab without models', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await openStudio();
  });
  afterAll(async () => {
    await studio?.close();
  });

  test('says what to do next', async () => {
    const { page } = studio;
    await page.getByRole('tab', { name: 'Explore' }).click();
    await expect
      .poll(() => page.getByTestId('explore-empty').textContent(), { timeout: 60_000 })
      .toBe(EXPLORE_MESSAGES.noModels);
    await studio.screenshot('explore-empty');
  });
});
