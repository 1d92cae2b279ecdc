import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { INTERNAL_CHANNELS, type ImportOutcome } from '../../shared/contract/datasets';
import { unwrap } from '../../shared/contract/envelope';
import type { HostHandlers, Router } from '../router';
import type { EngineSupervisor } from '../supervisor';
import { PickedFiles } from './picked-files';
import { Uploads } from './uploads';

export const FILE_HOST_ERRORS = {
  unknownFile: 'that file is no longer available: pick it again',
  noDialog: 'this host has no file dialog: drop files on the Data tab or use its file picker',
  internal: (name: string) => `channel "${name.slice(0, 80)}" is only for the studio itself`,
} as const;

type FileChannels = 'datasets:import' | 'uploads:begin' | 'uploads:chunk' | 'uploads:finish';

/** Both hosts import the same way: ids from the dialog or an upload are resolved here, then the engine reads the paths. */
export function fileHostHandlers(
  supervisor: EngineSupervisor,
  dataHome: string,
  picked: PickedFiles = new PickedFiles(),
): Pick<HostHandlers, FileChannels> {
  const uploads = new Uploads(join(dataHome, 'uploads'), picked);
  return {
    'datasets:import': async ({ files, ...options }) => {
      const entries = files.map((id) => picked.get(id));
      if (entries.some((e) => e === undefined)) throw new Error(FILE_HOST_ERRORS.unknownFile);
      const found = entries.filter((e) => e !== undefined);
      try {
        const envelope = await supervisor.request('datasets:import-paths', {
          paths: found.map((e) => e.path),
          names: found.map((e) => e.name),
          ...options,
        });
        return unwrap(envelope) as ImportOutcome;
      } finally {
        // Uploaded copies are temp files: the dataset holds its own copy of what was read.
        for (const entry of found) {
          if (!entry.tempFolder) continue;
          picked.forget(entry.id);
          await rm(entry.tempFolder, { recursive: true, force: true });
        }
      }
    },
    'uploads:begin': async ({ files }, caller) => uploads.begin(files, caller),
    'uploads:chunk': async ({ uploadId, file, offset, bytes }) => uploads.chunk(uploadId, file, offset, bytes),
    'uploads:finish': async ({ uploadId }) => uploads.finish(uploadId),
  };
}

/** Hosts without an open-file dialog (browser mode, tests). */
export function noDialogHostHandlers(): Pick<HostHandlers, 'dialog:open-data-files'> {
  return {
    'dialog:open-data-files': async () => {
      throw new Error(FILE_HOST_ERRORS.noDialog);
    },
  };
}

/** Engine channels that take host-resolved paths are refused when they come from a page. */
export function refuseInternalChannels(router: Router): Router {
  return async (channel, payload, caller) => {
    if (typeof channel === 'string' && INTERNAL_CHANNELS.includes(channel)) {
      return { ok: false, error: { message: FILE_HOST_ERRORS.internal(channel), code: 'internal-channel' } };
    }
    return router(channel, payload, caller);
  };
}
