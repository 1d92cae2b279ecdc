import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DatasetStore } from '../../../src/engine/data/store/dataset-store';
import { importFiles } from '../../../src/engine/data/store/import';
import { loadTrainingData } from '../../../src/engine/data/training-data';
import { strokesAt } from '../../../src/engine/explore/strokes-at';
import { sharedData } from '../../helpers/shared-data';
import { tempDir } from '../../helpers/temp-folder';

/** Item i of a source, as the explore views count it, must be the drawing loadTrainingData rendered as image i. */
describe('strokes of explored items', () => {
  const home = tempDir('explore-strokes');
  const store = new DatasetStore(join(home, 'datasets'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  test('from a dataset in the store (Quick, Draw! strokes and MNIST bitmaps together)', async () => {
    const cat = sharedData('quickdraw/simplified-ndjson/cat.ndjson');
    const { dataset } = await importFiles(store, [cat, sharedData('mnist/t10k-images-idx3-ubyte.gz')], { limit: 40 });
    expect(dataset).not.toBeNull();
    const data = await loadTrainingData(dataset!.id, 'quickdraw28', { store });
    const first = await strokesAt(dataset!.id, 0, store);
    const fromFile = await strokesAt(cat, 0, store);
    expect(first).toEqual(fromFile);
    // the last items are MNIST digits: bitmaps only
    expect(await strokesAt(dataset!.id, data.count - 1, store)).toBeNull();
  });

  test('from files: ndjson has strokes, IDX has none, a missing source has none', async () => {
    const cat = sharedData('quickdraw/simplified-ndjson/cat.ndjson');
    const strokes = await strokesAt(cat, 24, store);
    expect(strokes?.length).toBeGreaterThan(0);
    expect(await strokesAt(sharedData('mnist/t10k-images-idx3-ubyte.gz'), 3, store)).toBeNull();
    expect(await strokesAt('ds-does-not-exist', 0, store)).toBeNull();
  });
});
