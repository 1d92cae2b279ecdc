import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONCEPT_STORE_ERRORS, ConceptStore } from '../../../src/engine/runtime/concept-store';
import type { Concept } from '../../../src/shared/types/latent';
import { tempFolder } from '../../helpers/temp-folder';

const tmp = tempFolder('concepts');
afterAll(() => tmp.remove());

const MODEL = 'user:digits';
const FILE = 'user--digits.json';

function concept(id: string): Concept {
  return {
    id,
    name: `concept ${id}`,
    modelId: MODEL,
    description: '7 − 1',
    vector: Float32Array.from([0.5, -1]),
    countA: 3,
    countB: 4,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

async function storeWithTwo(name: string): Promise<{ store: ConceptStore; root: string }> {
  const root = join(tmp.dir, name);
  const store = new ConceptStore(root);
  await store.add(concept('a'));
  await store.add(concept('b'));
  return { store, root };
}

describe('the concept store never overwrites what it could not read', () => {
  it('a missing file is an empty list', async () => {
    expect(await new ConceptStore(join(tmp.dir, 'none')).list(MODEL)).toEqual([]);
  });

  it('a damaged file is kept aside with its concepts, the person is told, and a new list starts', async () => {
    const { store, root } = await storeWithTwo('damaged');
    const saved = readFileSync(join(root, FILE), 'utf8');
    const damaged = saved.slice(0, saved.length - 40); // cut off, as by a failing disk
    writeFileSync(join(root, FILE), damaged);
    const error = await store.add(concept('c')).then(
      () => undefined,
      (e: Error) => e,
    );
    const kept = readdirSync(root).find((n) => n.includes('.damaged-')) ?? '';
    expect(error?.message).toBe(CONCEPT_STORE_ERRORS.damaged(join(root, FILE), join(root, kept)));
    // The two saved concepts are still on disk, byte for byte.
    expect(readFileSync(join(root, kept), 'utf8')).toBe(damaged);
    expect(damaged).toContain('"id": "a"');
    expect(damaged).toContain('"id": "b"');
    // Told once; from then on a fresh list, which never touches the kept file.
    expect((await store.add(concept('c'))).map((c) => c.id)).toEqual(['c']);
    expect(readFileSync(join(root, kept), 'utf8')).toBe(damaged);
  });

  it('valid JSON that is not a concept list is kept aside too', async () => {
    const { store, root } = await storeWithTwo('wrong-shape');
    writeFileSync(join(root, FILE), JSON.stringify({ version: 1, concepts: [{ id: 'a', vector: 'oops' }] }));
    await expect(store.list(MODEL)).rejects.toThrow('could not be read');
    expect(readdirSync(root).filter((n) => n.includes('.damaged-'))).toHaveLength(1);
  });

  it('a file from a newer version is refused and left as it is', async () => {
    const { store, root } = await storeWithTwo('newer');
    const newer = JSON.stringify({ version: 99, concepts: [], more: 'fields' });
    writeFileSync(join(root, FILE), newer);
    await expect(store.add(concept('c'))).rejects.toThrow(CONCEPT_STORE_ERRORS.newerVersion(join(root, FILE)));
    expect(readFileSync(join(root, FILE), 'utf8')).toBe(newer);
  });

  it('a file that cannot be read at all (a folder in its place) is refused, nothing is written', async () => {
    const root = join(tmp.dir, 'unreadable');
    mkdirSync(join(root, FILE), { recursive: true });
    const store = new ConceptStore(root);
    await expect(store.add(concept('a'))).rejects.toThrow(CONCEPT_STORE_ERRORS.unreadable(join(root, FILE)));
    expect(readdirSync(root)).toEqual([FILE]);
  });

  it('a good file round-trips', async () => {
    const { store } = await storeWithTwo('good');
    const listed = await store.list(MODEL);
    expect(listed.map((c) => c.id)).toEqual(['a', 'b']);
    expect(listed[0].vector).toEqual(Float32Array.from([0.5, -1]));
  });
});
