/**
 * The trainer bundle (the desktop app's hidden GPU trainer window) in Debian's Chromium on
 * SwiftShader's WebGPU: every model kind trains through the trainer protocol on a MessagePort,
 * as the engine drives it, and its losses match the same run in Node on the reference backend
 * (cpu; wasm with the project's kernels for conv kinds). Needs `npm run build`, Chromium and
 * ../shared/data.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../src/cli/browser-mode';
import { registerWasmKernels } from '../../src/engine/backend/register-kernels';
import type { TrainingData } from '../../src/engine/data/training-data.types';
import { MODEL_KINDS, type ModelKind } from '../../src/engine/models/types';
import { runTraining } from '../../src/engine/train/run/run-training';
import { TRAINER_PORT_MESSAGE } from '../../src/shared/trainer-port';
import type { TrainerBackendName } from '../../src/shared/types/backend';
import { useBackend } from '../helpers/tf';
import { launchWebgpuChromium } from './gpu-chromium';
import { tempDir } from '../helpers/temp-folder';
import { webgpuReference, webgpuTestData, webgpuTestSettings } from '../helpers/webgpu';

let mode: BrowserMode;
let browser: Browser;
let page: Page;
let dataHome: string;

let dataFor: (kind: ModelKind) => TrainingData;
const referenceOf = webgpuReference;
const settingsFor = webgpuTestSettings;

interface PageRun {
  started?: { backend: string; adapter?: { software: boolean; description: string } };
  epochs: number[];
  status: string;
  error?: string;
  weightCount: number;
}

/** Sends one start message to the trainer page over a new MessagePort and collects the run. */
async function trainInPage(kind: ModelKind, backend: TrainerBackendName): Promise<PageRun> {
  const data = dataFor(kind);
  const plain = {
    ...data,
    images: Array.from(data.images),
    labels: Array.from(data.labels),
    trainIndex: Array.from(data.trainIndex),
    validationIndex: Array.from(data.validationIndex),
  };
  return page.evaluate(
    ({ kind, settings, plain, portMessage }) =>
      new Promise<PageRun>((resolve) => {
        const channel = new MessageChannel();
        const run: PageRun = { epochs: [], status: 'pending', weightCount: 0 };
        channel.port1.onmessage = (event: MessageEvent) => {
          const m = event.data;
          if (m.type === 'started') run.started = { backend: m.backend, adapter: m.adapter };
          if (m.type === 'epoch') run.epochs.push(m.progress.trainLoss);
          if (m.type === 'done') {
            run.status = m.status;
            run.weightCount = m.weights ? m.weights.encoder.length + m.weights.decoder.length : 0;
            resolve(run);
          }
          if (m.type === 'failed') resolve({ ...run, status: 'failed', error: m.message });
        };
        window.postMessage(portMessage, '*', [channel.port2]);
        const data = {
          ...plain,
          images: Uint8Array.from(plain.images),
          labels: Int32Array.from(plain.labels),
          trainIndex: Int32Array.from(plain.trainIndex),
          validationIndex: Int32Array.from(plain.validationIndex),
        };
        channel.port1.postMessage({ type: 'start', kind, settings, data, allowSoftware: true });
      }),
    { kind, settings: settingsFor(kind, backend), plain, portMessage: TRAINER_PORT_MESSAGE },
  );
}

async function probeInPage(allowSoftware: boolean) {
  return page.evaluate(
    ({ allowSoftware, portMessage }) =>
      new Promise<Array<{ name: string; available: boolean; reason?: string }>>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event: MessageEvent) => {
          if (event.data.type === 'probed') resolve(event.data.statuses);
        };
        window.postMessage(portMessage, '*', [channel.port2]);
        channel.port1.postMessage({ type: 'probe', allowSoftware });
      }),
    { allowSoftware, portMessage: TRAINER_PORT_MESSAGE },
  );
}

beforeAll(async () => {
  dataFor = await webgpuTestData();
  dataHome = tempDir('trainer-e2e');
  mode = await startBrowserMode({ dataHome });
  browser = await launchWebgpuChromium();
  page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The studio page only sets the token cookie; the trainer page is what is checked.
  await page.goto(mode.server.url);
  // A failed load is reported by its response below, with its URL (the studio page's own
  // late console lines are not about this page).
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(new URL('/trainer/index.html', mode.server.url).href);
  await page.waitForFunction(() => document.title === 'LatentDraw trainer (ready)');
  expect(errors).toEqual([]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await mode?.close();
  if (dataHome) rmSync(dataHome, { recursive: true, force: true });
});

describe('the trainer bundle in Chromium', () => {
  test('finds SwiftShader through WebGPU, and refuses it unless software is allowed', async () => {
    const allowed = await probeInPage(true);
    expect(allowed.find((s) => s.name === 'webgpu')).toMatchObject({ available: true });
    const refused = await probeInPage(false);
    const webgpu = refused.find((s) => s.name === 'webgpu');
    expect(webgpu?.available).toBe(false);
    expect(webgpu?.reason).toMatch(/^software adapter only/);
  });

  test.each(MODEL_KINDS)(
    '%s trains on WebGPU as it does in Node on the reference backend',
    async (kind) => {
      const gpu = await trainInPage(kind, 'webgpu');
      expect(gpu.error).toBeUndefined();
      expect(gpu.status).toBe('completed');
      expect(gpu.started?.backend).toBe('webgpu');
      expect(gpu.started?.adapter?.software).toBe(true);
      expect(gpu.weightCount).toBeGreaterThan(0);

      await useBackend(referenceOf(kind));
      if (referenceOf(kind) === 'wasm') registerWasmKernels();
      const settings = settingsFor(kind, referenceOf(kind));
      const reference = await runTraining(dataFor(kind), kind, settings, undefined, { backend: referenceOf(kind) });
      reference.model.dispose();
      const expected = reference.state.history.map((h) => h.trainLoss);
      expect(gpu.epochs).toHaveLength(expected.length);
      expected.forEach((loss, i) => expect(Math.abs(gpu.epochs[i] - loss)).toBeLessThan(2e-3 * loss));
    },
    300_000,
  );
});
