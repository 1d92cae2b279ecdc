/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TrainingEpochEvent } from '../../src/shared/contract/training';
import { encodeWire } from '../../src/shared/contract/wire';
import { canvasTiles, difference } from './explore-helpers';
import { readGif } from './gif-frames';
import { openStudio, type Studio } from './harness';
import { MNIST, startTraining } from './train-form';

const EPOCHS = 6;
const MAP = 'train-latent-map';
const NO_MAP = 'the engine sent no latentMap with its epoch events (TrainingEpochEvent.latentMap)';

/** The map's epoch and an 8×8 fingerprint of its ink and colour; undefined while there is no map. */
async function mapShot(studio: Studio): Promise<{ epoch: number; fingerprint: number[] } | undefined> {
  const epoch = await studio.page
    .getByTestId(MAP)
    .getAttribute('data-epoch', { timeout: 1_000 })
    .catch(() => null);
  if (epoch === null) return undefined;
  const { fingerprint } = await canvasTiles(studio.page, MAP, 1, 1);
  return { epoch: Number(epoch), fingerprint };
}

// Trains on the shipped MNIST sample (resources/data), so it needs no shared data.
describe('Train view: the map of validation codes moves while a model learns', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await openStudio({ height: 1000 });
  });
  afterAll(async () => {
    await studio?.close();
  });

  test('the picture differs between two epochs of a run, coloured by class with a legend', async () => {
    const { page } = studio;
    await startTraining(page, { source: MNIST, kind: 'mlp-vae', name: 'e2e-map', epochs: EPOCHS, limit: 3000 });

    // Watched live: the first map seen, then a later epoch's.
    await page.getByTestId('train-validation').waitFor({ timeout: 120_000 });
    let first: Awaited<ReturnType<typeof mapShot>>;
    await expect.poll(async () => (first = await mapShot(studio)), { timeout: 10_000, message: NO_MAP }).toBeDefined();
    let later: Awaited<ReturnType<typeof mapShot>>;
    await expect
      .poll(async () => (later = await mapShot(studio))?.epoch ?? 0, { timeout: 120_000 })
      .toBeGreaterThan(first!.epoch);
    expect(difference(later!.fingerprint, first!.fingerprint)).toBeGreaterThan(0);
    expect(await page.getByTestId('train-map-legend').locator('li').count()).toBe(10);
    await studio.screenshot('train-latent-map-live');

    await expect.poll(() => page.getByTestId('train-done').textContent(), { timeout: 180_000 }).toContain('e2e-map');
    // Scrubbed back to the first epoch, the picture is that epoch's; the end shows the last.
    await page.getByTestId('train-map-epoch').fill('0');
    await expect.poll(() => page.getByTestId(MAP).getAttribute('data-epoch')).toBe('1');
    const one = (await mapShot(studio))!;
    await page.getByTestId('train-map-epoch').fill(String(EPOCHS - 1));
    await expect.poll(() => page.getByTestId(MAP).getAttribute('data-epoch')).toBe(String(EPOCHS));
    expect(difference((await mapShot(studio))!.fingerprint, one.fingerprint)).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('train-map-export-gif').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`latent-map-e2e-map-mlp-vae-beta1-latent2-epochs1-${EPOCHS}.gif`);
    expect(readGif(readFileSync((await download.path())!)).frames).toHaveLength(EPOCHS);
    await studio.screenshot('train-latent-map-done');
  });
});

/** An epoch's event as the engine sends it: 300 codes in ten classes, `spread` apart from 0. */
function syntheticEpoch(epoch: number, spread: number): TrainingEpochEvent {
  const count = 300;
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % 10;
    const angle = (label / 10) * 2 * Math.PI;
    // A fixed jitter per point (no randomness: the test must not depend on luck).
    const jitter = Math.sin(i * 12.9898) * 0.3;
    x[i] = Math.cos(angle) * spread + jitter;
    y[i] = Math.sin(angle) * spread - jitter;
    labels[i] = label;
  }
  const blank = () => new Float32Array(28 * 28);
  return {
    runId: 'synthetic',
    type: 'epoch',
    epoch,
    epochs: 2,
    trainLoss: 200,
    trainReconstruction: 190,
    trainKl: 10,
    validationLoss: 210,
    validationReconstruction: 200,
    validationKl: 10,
    seconds: 1,
    samplesPerSecond: 1000,
    etaSeconds: 0,
    imageSize: 28,
    originals: [blank(), blank()],
    reconstructions: [blank(), blank()],
    latentMap: {
      axes: 'dims',
      x,
      y,
      labels,
      classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    },
  };
}

// The view alone, fed epoch events through the studio's own WebSocket as the engine would send
// them: passes whether or not the engine fills latentMap yet.
describe('Train view: the map of validation codes, from synthetic epoch events', () => {
  let studio: Studio;
  let socket: WebSocketRoute | undefined;
  beforeAll(async () => {
    studio = await openStudio();
    await studio.page.routeWebSocket(/\/ws/, (ws) => {
      ws.connectToServer();
      socket = ws;
    });
    await studio.page.reload();
  });
  afterAll(async () => {
    await studio?.close();
  });

  test('each epoch shows its own picture in one view box, with a legend; the epochs export as a GIF', async () => {
    const { page } = studio;
    await page.getByRole('tab', { name: 'Train' }).click();
    await expect.poll(() => socket !== undefined).toBe(true);
    const send = (event: TrainingEpochEvent) =>
      socket!.send(encodeWire({ kind: 'event', name: 'training:progress', payload: event }));
    send(syntheticEpoch(1, 0.3));
    await expect.poll(() => page.getByTestId(MAP).getAttribute('data-epoch')).toBe('1');
    const first = (await mapShot(studio))!;
    send(syntheticEpoch(2, 2.5));
    await expect.poll(() => page.getByTestId(MAP).getAttribute('data-epoch')).toBe('2');
    const second = (await mapShot(studio))!;
    expect(difference(second.fingerprint, first.fingerprint)).toBeGreaterThan(10);
    expect(await page.getByTestId('train-map-legend').locator('li').count()).toBe(10);
    await studio.screenshot('train-latent-map-synthetic');
    // Scrubbing back shows epoch 1 again, painted in the run's final view box.
    await page.getByTestId('train-map-epoch').fill('0');
    await expect.poll(() => page.getByTestId(MAP).getAttribute('data-epoch')).toBe('1');
    const back = (await mapShot(studio))!;
    expect(difference(back.fingerprint, second.fingerprint)).toBeGreaterThan(10);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('train-map-export-gif').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^latent-map-.+-epochs1-2\.gif$/);
    const gif = readGif(readFileSync((await download.path())!));
    expect(gif.frames).toHaveLength(2);
    expect(gif.width).toBe(360);
  });
});
