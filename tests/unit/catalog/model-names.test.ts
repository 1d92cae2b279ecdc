import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listModels, modelFolder } from '../../../src/engine/catalog/list-models';
import { MODEL_NAME_PATTERN } from '../../../src/shared/contract/training';
import { tempFolder } from '../../helpers/temp-folder';

const tmp = tempFolder('model-names');
afterAll(() => tmp.remove());

const ALPHABET = 'ab09._-';

/** Names from the pattern's own characters, dots most of all: every short mix and some long ones. */
function candidateNames(): string[] {
  const names = new Set<string>(['.hidden', '...', '.', '..', '.keep.saving-1-1', 'keep.old-2024-06', 'solo.old-3-4']);
  const grow = (prefix: string) => {
    if (prefix) names.add(prefix);
    if (prefix.length < 3) for (const c of ALPHABET) grow(prefix + c);
  };
  grow('');
  names.add('a'.repeat(120));
  names.add(`.${'a'.repeat(119)}`);
  return [...names];
}

describe('model names', () => {
  const names = candidateNames();
  const accepted = names.filter((n) => MODEL_NAME_PATTERN.test(n));

  it('refuses hidden names, so that a person never saves a model that does not list', () => {
    for (const name of ['.hidden', '...', '.', '..', '.keep.saving-1-1'])
      expect(MODEL_NAME_PATTERN.test(name), name).toBe(false);
    for (const name of ['keep.old-2024-06', 'solo.old-3-4', 'a.', '-', '_x', 'a..b'])
      expect(MODEL_NAME_PATTERN.test(name), name).toBe(true);
  });

  it('every name the pattern accepts lists, under its own id, and no other does', async () => {
    const root = join(tmp.dir, 'models');
    for (const name of names.filter((n) => n !== '.' && n !== '..')) {
      mkdirSync(join(root, name), { recursive: true });
      writeFileSync(join(root, name, 'latentdraw.json'), JSON.stringify({ name, kind: 'mlp-vae' }));
    }
    const listed = await listModels(join(tmp.dir, 'no-shipped'), root);
    expect(listed.map((m) => m.id).sort()).toEqual(accepted.map((n) => `user:${n}`).sort());
    for (const name of accepted) expect(modelFolder(`user:${name}`, 'shipped', root)).toBe(join(root, name));
    for (const name of names.filter((n) => !MODEL_NAME_PATTERN.test(n))) {
      expect(() => modelFolder(`user:${name}`, 'shipped', root), name).toThrow('not a model id');
    }
  });
});
