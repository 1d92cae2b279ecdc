import type { AppInfo } from '../shared/types/app';
import type { HostHandlers } from './router';
import type { EngineSupervisor } from './supervisor';

export interface HostIdentity {
  host: AppInfo['host'];
  version: string;
  versions: Record<string, string>;
}

/** The channels both hosts (Electron main and the web server) answer the same way. */
export function appHostHandlers(
  supervisor: EngineSupervisor,
  identity: HostIdentity,
): Pick<HostHandlers, 'app:info' | 'engine:status' | 'engine:restart'> {
  return {
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
