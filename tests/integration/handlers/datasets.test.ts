import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sharedData } from '../../helpers/shared-data';
import { engineUnderTest, type EngineUnderTest } from '../../helpers/engine-under-test';

// Needs ../shared/data (Quick, Draw! samples and the truncated .bin).
describe('datasets handlers', () => {
  let t: EngineUnderTest;
  beforeAll(async () => {
    t = await engineUnderTest();
  }, 120_000);
  afterAll(() => t?.close());

  test('imports a simplified NDJSON file and previews it', async () => {
    const path = sharedData('quickdraw/simplified-ndjson/cat.ndjson');
    const outcome = await t.call('datasets:import-paths', { paths: [path], names: ['cat.ndjson'] });
    expect(outcome.files).toEqual([
      expect.objectContaining({ name: 'cat.ndjson', format: 'quickdraw-ndjson-simplified', added: 25, problems: [] }),
    ]);
    expect(outcome.dataset).toMatchObject({
      count: 25,
      categories: ['cat'],
      sources: [{ name: 'cat.ndjson', added: 25 }],
    });
    const preview = await t.call('datasets:preview', { id: outcome.dataset!.id, count: 10 });
    expect(preview).toHaveLength(10);
    expect(preview[0].pixels).toHaveLength(784);
    expect(preview[0].pixels.some((v) => v > 0)).toBe(true);
    expect(t.events.some((e) => e.name === 'datasets:import-progress')).toBe(true);
  });

  test('a truncated .bin imports its whole drawings and reports where it was cut', async () => {
    const path = sharedData('quickdraw/binary/dog.truncated-8192.bin');
    const outcome = await t.call('datasets:import-paths', { paths: [path], names: ['dog.bin'] });
    const [file] = outcome.files;
    expect(file.added).toBe(49);
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0].recordIndex).toBe(49);
    expect(file.problems[0].byteOffset).toBeGreaterThan(0);
    expect(file.problems[0].byteOffset).toBeLessThan(8192);
    expect(outcome.dataset?.count).toBe(49);
  });

  test('a file of random bytes fails clearly, names the file and leaves earlier datasets alone', async () => {
    const before = await t.call('datasets:list', {});
    const path = join(t.home, 'noise.bin');
    writeFileSync(path, randomBytes(5000));
    const outcome = await t.call('datasets:import-paths', { paths: [path], names: ['noise.bin'] });
    expect(outcome.dataset).toBeNull();
    expect(outcome.files[0].added).toBe(0);
    expect(outcome.files[0].problems[0].message).toContain('noise.bin');
    // The host path of the file is replaced by the name the person knows.
    expect(outcome.files[0].problems[0].message).not.toContain(t.home);
    expect(await t.call('datasets:list', {})).toEqual(before);
  });

  test('renames and deletes a dataset', async () => {
    const [first] = await t.call('datasets:list', {});
    const renamed = await t.call('datasets:rename', { id: first.id, name: 'Cats' });
    expect(renamed.name).toBe('Cats');
    expect((await t.call('datasets:list', {})).find((d) => d.id === first.id)?.name).toBe('Cats');
    await t.call('datasets:delete', { id: first.id });
    expect((await t.call('datasets:list', {})).some((d) => d.id === first.id)).toBe(false);
  });

  test('refuses ids that are not dataset ids', async () => {
    const reply = await t.raw('datasets:delete', { id: '../models' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
