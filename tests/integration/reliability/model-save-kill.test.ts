import { fork } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { listModels } from '../../../src/engine/catalog/list-models';
import { loadModel, readMetadata } from '../../../src/engine/models/index';
import { useBackend } from '../../helpers/tf';
import { tempDir } from '../../helpers/temp-folder';

const KILLS = 8;
const SOURCE = resolve('resources/models/mnist-vae');
/**
 * Time for one saver: its start (tsx and tfjs, 1.6 s on a 2-core machine at load 4, several times
 * that under heavier load), its save or kill, and the recovery and load that follow. A test of
 * every step is given this for each; a saver that has not ended by then is hung.
 */
const SAVER_BUDGET_MS = 20_000;

function saver(target: string, env: Record<string, string> = {}) {
  return fork(resolve('tests/fixtures/model-saver.ts'), [target], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/**
 * Runs the saver once with a crash step; resolves with how it ended and what it reported, or
 * rejects, naming the step, when it has not ended within its budget.
 */
function saveOnce(target: string, step: number): Promise<{ signal: NodeJS.Signals | null; steps?: number }> {
  return new Promise((ok, fail) => {
    const child = saver(target, { LATENTDRAW_CRASH_AT_STEP: String(step) });
    const hung = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the saver crashing at step ${step} had not ended after ${SAVER_BUDGET_MS} ms`));
    }, SAVER_BUDGET_MS);
    let steps: number | undefined;
    child.on('message', (m) => (steps = (m as { steps: number }).steps));
    child.once('error', fail);
    child.once('exit', (_code, signal) => {
      clearTimeout(hung);
      ok({ signal, steps });
    });
  });
}

/** A fresh data home holding a copy of the shipped digits model: its models folder and the model's. */
function homeWithModel(prefix: string): { home: string; models: string; target: string } {
  const home = tempDir(prefix);
  const models = join(home, 'models');
  const target = join(models, 'digits');
  cpSync(SOURCE, target, { recursive: true });
  return { home, models, target };
}

// One whole save, before the tests are declared: how many file-system steps a save takes sizes
// the time of the test that kills a save before each of them.
const wholeSave = homeWithModel('save-whole');
const whole = await saveOnce(wholeSave.target, Number.MAX_SAFE_INTEGER);
rmSync(wholeSave.home, { recursive: true, force: true });
const STEPS = whole.steps ?? 0;
const STEPS_TIMEOUT_MS = Math.max(STEPS, 1) * SAVER_BUDGET_MS;

describe('saving a model under SIGKILL', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  test(`after ${KILLS} kills at random moments the model still loads, whole (old or new)`, async () => {
    const { home, models, target } = homeWithModel('save-kill');
    for (let i = 0; i < KILLS; i++) {
      const child = saver(target);
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
    expect(readdirSync(models)).toEqual(['digits']);
    rmSync(home, { recursive: true, force: true });
  });

  test(
    'a kill before every file-system step of a save (between the renames, while the old copy is removed) leaves the old or the new model, loadable as the CLI loads it, and nothing else',
    { timeout: STEPS_TIMEOUT_MS },
    async () => {
      const { home, models, target } = homeWithModel('save-steps');
      const oldSeed = (await readMetadata(target)).seed;
      expect(whole.signal).toBeNull();
      // mkdir + files of two parts + metadata, the marker, two renames, then the old copy file by file.
      expect(STEPS).toBeGreaterThan(15);
      const seen = new Set<string>();
      for (let step = 1; step <= STEPS; step++) {
        rmSync(models, { recursive: true, force: true });
        cpSync(SOURCE, target, { recursive: true });
        const run = await saveOnce(target, step);
        expect(run.signal, `step ${step}`).toBe('SIGKILL');
        // No manual step: loading recovers (the CLI's encode and the studio both load this way).
        const { model, metadata } = await loadModel(target);
        model.dispose();
        expect([oldSeed, oldSeed + 1], `step ${step}`).toContain(metadata.seed);
        seen.add(metadata.seed === oldSeed ? 'old' : 'new');
        expect(readdirSync(models), `step ${step}`).toEqual(['digits']);
      }
      // Early kills keep the old model, late ones (after the commit) the new one.
      expect([...seen].sort()).toEqual(['new', 'old']);
      rmSync(home, { recursive: true, force: true });
    },
  );
});
