import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { GpuSwitch, TrainingCapabilities } from '../../../src/shared/contract/training';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
stubAnimationFrame();
const { TrainingState } = await import('../../../src/renderer/src/state/training.svelte');

/** The desktop app on Linux before GPU training is on: no WebGPU, WebGL offered by the window. */
const LINUX_DESKTOP: TrainingCapabilities = {
  backend: 'wasm',
  convTrainable: true,
  backends: [
    { name: 'webgpu', available: false, reason: 'no WebGPU adapter' },
    { name: 'webgl', available: true },
    { name: 'wasm', available: true },
    { name: 'cpu', available: true },
  ],
};
const OFF: GpuSwitch = { offered: true, on: false, restarting: false };

async function refreshed(gpuSwitch: GpuSwitch | undefined) {
  fake.current.call('training:sources').mockResolvedValue([]);
  fake.current.call('training:capabilities').mockResolvedValue(LINUX_DESKTOP);
  fake.current.call('training:status').mockResolvedValue(null);
  if (gpuSwitch) fake.current.call('training:gpu-switch').mockResolvedValue(gpuSwitch);
  const training = new TrainingState();
  await training.refresh();
  return training;
}

describe('TrainingState: the GPU training switch and WebGL', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('refresh reads the switch; browser mode answers that none is offered', async () => {
    expect((await refreshed(OFF)).gpuSwitch).toEqual(OFF);
    const browser = await refreshed({ offered: false, on: false, restarting: false });
    expect(browser.gpuSwitch?.offered).toBe(false);
  });

  test('turning it on asks the host once, and the state says the app is restarting', async () => {
    const training = await refreshed(OFF);
    fake.current.call('training:set-gpu-switch').mockResolvedValue({ offered: true, on: true, restarting: true });
    await training.setGpuTraining(true);
    expect(fake.current.call('training:set-gpu-switch')).toHaveBeenCalledWith({ on: true });
    expect([training.gpuSwitch, training.error]).toEqual([{ offered: true, on: true, restarting: true }, undefined]);
    // While the app closes, another click asks nothing.
    await training.setGpuTraining(false);
    expect(fake.current.call('training:set-gpu-switch')).toHaveBeenCalledTimes(1);
  });

  test('a running training is not cut short by a restart: the switch waits', async () => {
    const training = await refreshed(OFF);
    fake.current.call('training:start').mockResolvedValue({
      runId: 'run-1',
      modelName: 'my-model',
      kind: 'mlp-vae',
      source: 'sample:x',
      startedAt: '',
    });
    training.form.source = 'sample:x';
    await training.start();
    await training.setGpuTraining(true);
    expect(fake.current.call('training:set-gpu-switch')).not.toHaveBeenCalled();
  });

  test('a refused switch shows why and keeps the switch as it was', async () => {
    const training = await refreshed(OFF);
    fake.current.call('training:set-gpu-switch').mockRejectedValue(new Error('could not save the GPU training choice'));
    await training.setGpuTraining(true);
    expect([training.gpuSwitch, training.error]).toEqual([OFF, 'could not save the GPU training choice']);
    expect(training.gpuSwitchAsked).toBe(false);
  });

  test('WebGL is a choice the form sends, never the one it starts on', async () => {
    const training = await refreshed(OFF);
    expect(training.form.settings.backend).toBe('wasm');
    training.form.settings.backend = 'webgl';
    training.form.source = 'sample:x';
    fake.current.call('training:start').mockResolvedValue({
      runId: 'run-2',
      modelName: 'my-model',
      kind: 'mlp-vae',
      source: 'sample:x',
      startedAt: '',
    });
    await training.start();
    expect(fake.current.call('training:start').mock.calls[0][0].settings.backend).toBe('webgl');
  });
});
