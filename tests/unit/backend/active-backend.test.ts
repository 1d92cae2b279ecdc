import { describe, expect, test } from 'vitest';
import { activeBackend, selectBackend } from '../../../src/engine/backend/select';

describe('activeBackend', () => {
  test('names the backend selectBackend chose, for a second thread to choose the same', async () => {
    await selectBackend({ only: 'cpu' });
    expect(activeBackend()).toBe('cpu');
    await selectBackend({ only: 'wasm' });
    expect(activeBackend()).toBe('wasm');
  });
});
