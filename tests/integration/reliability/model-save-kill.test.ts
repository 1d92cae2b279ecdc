import { fork } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { listModels } from '../../../src/engine/catalog/list-models';
import { loadModel } from '../../../src/engine/models/index';
import { useBackend } from '../../helpers/tf';

const KILLS = 8;

describe('saving a model under SIGKILL', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  test(`after ${KILLS} kills at random moments the model still loads, whole (old or new)`, async () => {
    const home = mkdtempSync(join(tmpdir(), 'latentdraw-save-kill-'));
    const models = join(home, 'models');
    const target = join(models, 'digits');
    cpSync(resolve('resources/models/mnist-vae'), target, { recursive: true });
    for (let i = 0; i < KILLS; i++) {
      const child = fork(resolve('tests/fixtures/model-saver.ts'), [target], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      await new Promise<void>((ok) => child.once('message', () => ok()));
      await new Promise((ok) => setTimeout(ok, Math.random() * 400));
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGKILL');
      await exited;
      // What the studio does when it lists models: finish an interrupted replacement, then load.
      const listed = await listModels(join(home, 'no-shipped'), models);
      expect(listed.map((m) => m.id)).toEqual(['user:digits']);
      const { model, metadata } = await loadModel(target);
      expect(['mlp-vae']).toContain(metadata.kind);
      model.dispose();
    }
    expect(readdirSync(models).filter((n) => n.includes('.old-'))).toEqual([]);
  });
});
