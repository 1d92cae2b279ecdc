import { afterAll, expect, test, vi } from 'vitest';
import { engineUnderTest, type EngineUnderTest } from '../../helpers/engine-under-test';

const built = vi.hoisted(() => [] as string[]);

// Counts every DatasetStore the engine builds, whichever module imports the class.
vi.mock('../../../src/engine/data/store/dataset-store', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/engine/data/store/dataset-store')>();
  class CountedDatasetStore extends original.DatasetStore {
    constructor(root?: string) {
      super(root);
      built.push(this.root);
    }
  }
  return { ...original, DatasetStore: CountedDatasetStore };
});

let t: EngineUnderTest | undefined;
afterAll(() => t?.close());

test('the engine builds one dataset store, which every feature shares', async () => {
  t = await engineUnderTest();
  expect(built).toHaveLength(1);
  const [dataset] = await t.call('datasets:list', {});
  expect(dataset).toBeUndefined();
  await t.call('training:sources', {});
  expect(built).toHaveLength(1);
});
