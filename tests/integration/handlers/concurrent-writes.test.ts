import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ONE, ZERO } from '../../helpers/fixture-engine';
import { engineUnderTest, type EngineUnderTest } from '../../helpers/engine-under-test';
import { deadPid, idleProcess, killProcess } from '../../helpers/processes';
import { sharedData } from '../../helpers/shared-data';
import { seedTinyModels, TINY_MODELS } from '../../helpers/tiny-models';

/** A drawing of `strokes` strokes: saves of different sizes overwrite each other's bytes if they share a file. */
function drawingOf(strokes: number): typeof ONE {
  return Array.from({ length: strokes }, (_, i) => ({ x: [10 + i, 200, 390 - i], y: [20, 200 + i, 380] }));
}

/** Leftover write temporaries beside stored files (any naming): none may outlive a write. */
function temporariesIn(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.includes('.tmp'));
}

// Needs ../shared/data (a Quick, Draw! NDJSON file, and MNIST for the tiny model). Two requests
// at once, as a double click or two windows send them: each must be applied whole, in turn.
describe('two writes of one stored file at once', () => {
  let t: EngineUnderTest;
  let modelId: string;
  beforeAll(async () => {
    t = await engineUnderTest();
    modelId = (await seedTinyModels(t.home, ['vae'])).vae;
  }, 600_000);
  afterAll(() => t?.close());

  test('concurrent dataset renames leave a readable manifest with one of the names', async () => {
    const outcome = await t.call('datasets:import-paths', {
      paths: [sharedData('quickdraw/simplified-ndjson/cat.ndjson')],
      names: ['cat.ndjson'],
    });
    const id = outcome.dataset!.id;
    for (let round = 0; round < 10; round++) {
      const names = [`Cats ${round}`, `A much longer name for the cats, round ${round}`];
      const answers = await Promise.all(names.map((name) => t.call('datasets:rename', { id, name })));
      expect(answers.map((a) => a.name)).toEqual(names);
      const listed = await t.call('datasets:list', {});
      expect(listed.map((d) => d.id)).toEqual([id]);
      expect(names).toContain(listed[0].name);
      const manifest = JSON.parse(readFileSync(join(t.home, 'datasets', id, 'manifest.json'), 'utf8')) as {
        name: string;
        count: number;
      };
      expect(manifest).toMatchObject({ name: listed[0].name, count: 25 });
    }
    expect(temporariesIn(join(t.home, 'datasets', id))).toEqual([]);
  });

  test('ten concurrent concept definitions are all kept', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `concept ${i}`);
    const defined = await Promise.all(
      names.map((name) =>
        t.call('concepts:define', {
          modelId,
          name,
          a: { kind: 'drawings', drawings: [ONE] },
          b: { kind: 'drawings', drawings: [ZERO] },
        }),
      ),
    );
    expect(defined.map((c) => c.name)).toEqual(names);
    const listed = await t.call('concepts:list', { modelId });
    expect(listed.concepts.map((c) => c.name).sort()).toEqual([...names].sort());
    const folder = join(t.home, 'concepts');
    // Nothing was set aside as damaged, and no temporary is left.
    expect(readdirSync(folder)).toEqual([`user--${TINY_MODELS.vae.name}.json`]);
  });

  test('two saves of one drawing leave one of them whole', async () => {
    const big = drawingOf(40);
    const small = drawingOf(2);
    for (let round = 0; round < 10; round++) {
      await Promise.all([
        t.call('drawings:save', { name: 'twice', drawing: big, word: 'big' }),
        t.call('drawings:save', { name: 'twice', drawing: small, word: 'small' }),
      ]);
      const opened = await t.call('drawings:open', { name: 'twice' });
      expect([big, small]).toContainEqual(opened.drawing);
      expect(opened.word).toBe(opened.drawing.length === big.length ? 'big' : 'small');
    }
    expect((await t.call('drawings:list', {})).map((d) => d.name)).toEqual(['twice']);
    expect(readdirSync(join(t.home, 'drawings'))).toEqual(['twice.drawing.json']);
  });

  test("the next listing removes a killed writer's temporaries and keeps a live writer's", async () => {
    const [dataset] = await t.call('datasets:list', {});
    const folders = {
      drawings: join(t.home, 'drawings'),
      concepts: join(t.home, 'concepts'),
      dataset: join(t.home, 'datasets', dataset.id),
    };
    const files = {
      drawings: 'twice.drawing.json',
      concepts: `user--${TINY_MODELS.vae.name}.json`,
      dataset: 'manifest.json',
    };
    const live = idleProcess();
    try {
      const dead = await deadPid();
      const plant = (key: keyof typeof folders, pid: number) => {
        const path = join(folders[key], `${files[key]}.tmp-${pid}-${Date.now()}`);
        writeFileSync(path, '{"half');
        return path;
      };
      const planted = (Object.keys(folders) as Array<keyof typeof folders>).map((key) => ({
        dead: plant(key, dead),
        live: plant(key, live.pid!),
      }));
      await t.call('drawings:list', {});
      await t.call('concepts:list', { modelId });
      await t.call('datasets:list', {});
      for (const p of planted) {
        expect(existsSync(p.dead), p.dead).toBe(false);
        expect(existsSync(p.live), p.live).toBe(true);
      }
      expect(await t.call('drawings:open', { name: 'twice' })).toMatchObject({ name: 'twice' });
    } finally {
      await killProcess(live);
    }
  });
});
