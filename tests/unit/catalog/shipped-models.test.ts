import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { listModels } from '../../../src/engine/catalog/list-models';
import { DEFAULT_SHIPPED_MODEL, SHIPPED_MODELS } from '../../../src/engine/catalog/shipped-models';
import { tempFolder } from '../../helpers/temp-folder';

const temp = tempFolder('catalog');
afterAll(() => temp.remove());

function modelFolder(root: string, name: string): void {
  mkdirSync(join(root, name), { recursive: true });
  writeFileSync(
    join(root, name, 'latentdraw.json'),
    JSON.stringify({ format: 'latentdraw-model', kind: 'mlp-vae', recipe: 'mnist28', imageSize: 28, latentSize: 16 }),
  );
}

describe('the catalogue of shipped models', () => {
  test('marks the default shipped model and gives each shipped model its purpose', async () => {
    const shipped = join(temp.dir, 'shipped');
    const user = join(temp.dir, 'user');
    for (const name of ['mnist-digits', 'mnist-vae', 'cat-vae']) modelFolder(shipped, name);
    // A person's model of the same folder name is theirs: no purpose, not the default.
    modelFolder(user, 'mnist-digits');
    const models = await listModels(shipped, user);
    expect(models.filter((m) => m.default).map((m) => m.id)).toEqual(['shipped:mnist-digits']);
    expect(models.find((m) => m.id === 'shipped:mnist-vae')?.purpose).toBe(SHIPPED_MODELS['mnist-vae'].purpose);
    expect(models.find((m) => m.id === 'user:mnist-digits')?.purpose).toBeUndefined();
    expect(models.find((m) => m.id === 'user:mnist-digits')?.default).toBeUndefined();
  });

  test('every model folder the app ships is in the table, with a one-line purpose, and the default is shipped', () => {
    const root = 'resources/models';
    const folders = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.sort()).toEqual(Object.keys(SHIPPED_MODELS).sort());
    for (const info of Object.values(SHIPPED_MODELS)) {
      expect(info.purpose.length).toBeGreaterThan(10);
      expect(info.purpose).not.toContain('\n');
    }
    expect(existsSync(join(root, DEFAULT_SHIPPED_MODEL, 'latentdraw.json'))).toBe(true);
  });
});
