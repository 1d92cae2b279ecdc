import type { GpuSwitch } from '../shared/contract/training';
import type { HostHandlers } from './router';

export const GPU_SWITCH_ERRORS = {
  notOffered: 'GPU training needs no switch here: WebGPU is on wherever this host has it',
} as const;

/** What a host that turns Chromium's WebGPU switches on and off gives the handlers. */
export interface GpuSwitchControl {
  /** Whether the switches were passed to this launch. */
  on: boolean;
  /** Stores the person's choice for the next launch (throws when it cannot). */
  save(on: boolean): void;
  /** Restarts the app, which applies the stored choice. */
  restart(): void;
}

type GpuSwitchChannels = 'training:gpu-switch' | 'training:set-gpu-switch';

/**
 * The GPU training switch. Without a control (browser mode, or a platform whose Chromium has
 * WebGPU without switches) it is not offered, so the Train view shows no toggle that does nothing.
 */
export function gpuSwitchHostHandlers(control: GpuSwitchControl | undefined): Pick<HostHandlers, GpuSwitchChannels> {
  if (!control) {
    return {
      'training:gpu-switch': async () => ({ offered: false, on: false, restarting: false }),
      'training:set-gpu-switch': async () => {
        throw new Error(GPU_SWITCH_ERRORS.notOffered);
      },
    };
  }
  let current: GpuSwitch = { offered: true, on: control.on, restarting: false };
  return {
    'training:gpu-switch': async () => current,
    'training:set-gpu-switch': async ({ on }) => {
      // One restart at a time: each app.relaunch() would start another instance.
      if (current.restarting) return current;
      control.save(on);
      current = { offered: true, on, restarting: on !== control.on };
      if (current.restarting) control.restart();
      return current;
    },
  };
}
