import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import type { App } from 'electron';
import { gpuSwitchHostHandlers, type GpuSwitchControl } from '../../../src/host/gpu-switch';
import {
  GPU_PREFERENCE_ERRORS,
  GPU_PREFERENCE_FILE,
  gpuTrainingOn,
  saveGpuTraining,
} from '../../../src/main/gpu-preference';
import { restartApp } from '../../../src/main/relaunch';
import { applyUserDataOverride, USER_DATA_ENV, USER_DATA_ERRORS } from '../../../src/main/user-data';
import { tempFolder } from '../../helpers/temp-folder';

const folders = tempFolder('gpu-switch');
afterAll(() => folders.remove());

/** Electron's app as restartApp uses it, recording the calls in order. */
function fakeApp(isPackaged: boolean) {
  const calls: unknown[][] = [];
  const app = {
    isPackaged,
    relaunch: (...args: unknown[]) => void calls.push(['relaunch', ...args]),
    quit: () => void calls.push(['quit']),
  } as Pick<App, 'isPackaged' | 'relaunch' | 'quit'>;
  return { app, calls };
}

describe('restarting the app', () => {
  const argv = ['/tmp/.mount_LatentXYZ/latentdraw', '--no-sandbox'];

  test('relaunches with the command line it was started with, then quits so windows and engine close', () => {
    const { app, calls } = fakeApp(true);
    restartApp(app, {}, argv);
    expect(calls).toEqual([['relaunch'], ['quit']]);
  });

  test('a packed AppImage relaunches the .AppImage file: its mount is gone once it exits', () => {
    const { app, calls } = fakeApp(true);
    restartApp(app, { APPIMAGE: '/home/me/LatentDraw.AppImage' }, argv);
    expect(calls).toEqual([
      ['relaunch', { execPath: '/home/me/LatentDraw.AppImage', args: ['--no-sandbox'] }],
      ['quit'],
    ]);
  });

  test('an unpacked app ignores an APPIMAGE it inherited from whatever started it', () => {
    const { app, calls } = fakeApp(false);
    restartApp(app, { APPIMAGE: '/opt/Other.AppImage' }, argv);
    expect(calls).toEqual([['relaunch'], ['quit']]);
  });
});

describe('the stored GPU training choice', () => {
  test('on writes the marker, off removes it; a folder of that name is no choice', () => {
    const profile = join(folders.dir, 'profile');
    expect(gpuTrainingOn(profile)).toBe(false);
    saveGpuTraining(profile, true);
    expect(gpuTrainingOn(profile)).toBe(true);
    expect(JSON.parse(readFileSync(join(profile, GPU_PREFERENCE_FILE), 'utf8'))).toHaveProperty('chosenAt');
    saveGpuTraining(profile, false);
    saveGpuTraining(profile, false);
    expect(gpuTrainingOn(profile)).toBe(false);

    const odd = join(folders.dir, 'odd');
    mkdirSync(join(odd, GPU_PREFERENCE_FILE), { recursive: true });
    expect(gpuTrainingOn(odd)).toBe(false);
  });

  test('a marker from an earlier version (written when a run asked for webgpu) still means on', () => {
    const profile = join(folders.dir, 'earlier');
    mkdirSync(profile);
    writeFileSync(join(profile, GPU_PREFERENCE_FILE), JSON.stringify({ chosenAt: '2025-01-01T00:00:00.000Z' }));
    expect(gpuTrainingOn(profile)).toBe(true);
  });

  test('a profile that cannot hold it gives an error naming the file', () => {
    const profile = folders.file('profile-is-a-file', '');
    const path = join(profile, GPU_PREFERENCE_FILE);
    expect(() => saveGpuTraining(profile, true)).toThrow(GPU_PREFERENCE_ERRORS.notSaved(path, ''));
  });
});

describe('the GPU switch handlers', () => {
  function control(on: boolean, save: GpuSwitchControl['save'] = () => undefined) {
    const restart = vi.fn();
    const saved = vi.fn(save);
    return { control: { on, save: saved, restart }, restart, saved };
  }

  test('a change is stored and restarts once; the same state as this launch restarts nothing', async () => {
    const off = control(false);
    const handlers = gpuSwitchHostHandlers(off.control);
    expect(await handlers['training:set-gpu-switch']({ on: false })).toEqual({
      offered: true,
      on: false,
      restarting: false,
    });
    expect(off.restart).not.toHaveBeenCalled();
    expect(await handlers['training:set-gpu-switch']({ on: true })).toEqual({
      offered: true,
      on: true,
      restarting: true,
    });
    await handlers['training:set-gpu-switch']({ on: true });
    expect(off.saved.mock.calls).toEqual([[false], [true]]);
    expect(off.restart).toHaveBeenCalledTimes(1);
    expect(await handlers['training:gpu-switch']({})).toEqual({ offered: true, on: true, restarting: true });
  });

  test('a choice that cannot be stored restarts nothing and leaves the switch as it was', async () => {
    const failing = control(false, () => {
      throw new Error(GPU_PREFERENCE_ERRORS.notSaved('/x/gpu-training.json', 'read-only'));
    });
    const handlers = gpuSwitchHostHandlers(failing.control);
    await expect(handlers['training:set-gpu-switch']({ on: true })).rejects.toThrow('/x/gpu-training.json');
    expect(failing.restart).not.toHaveBeenCalled();
    expect(await handlers['training:gpu-switch']({})).toEqual({ offered: true, on: false, restarting: false });
  });
});

describe(`${USER_DATA_ENV}`, () => {
  test('a folder app.setPath still refuses is reported with its path and Electron’s reason', () => {
    const app = {
      setPath: () => {
        throw new Error('Failed to set path');
      },
    };
    const folder = join(folders.dir, 'refused');
    expect(() => applyUserDataOverride(app, { [USER_DATA_ENV]: folder })).toThrow(
      USER_DATA_ERRORS.unusable(folder, 'Failed to set path'),
    );
  });
});
