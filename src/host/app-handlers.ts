import type { AppInfo } from '../shared/types/app';
import { gpuSwitchHostHandlers, type GpuSwitchControl } from './gpu-switch';
import type { HostHandlers } from './router';
import type { EngineSupervisor } from './supervisor';

export interface HostIdentity {
  host: AppInfo['host'];
  version: string;
  versions: Record<string, string>;
}

type AppChannels = 'app:info' | 'engine:status' | 'engine:restart' | 'training:gpu-switch' | 'training:set-gpu-switch';

/**
 * The channels both hosts (Electron main and the web server) answer the same way; the GPU
 * switch only where the host gives its control (the desktop app on Linux).
 */
export function appHostHandlers(
  supervisor: EngineSupervisor,
  identity: HostIdentity,
  gpuSwitch?: GpuSwitchControl,
): Pick<HostHandlers, AppChannels> {
  return {
    ...gpuSwitchHostHandlers(gpuSwitch),
    'app:info': async () => ({
      name: 'LatentDraw',
      version: identity.version,
      host: identity.host,
      versions: identity.versions,
      engine: supervisor.status,
    }),
    'engine:status': async () => supervisor.status,
    'engine:restart': async () => {
      supervisor.restart();
      return supervisor.whenReady();
    },
  };
}
