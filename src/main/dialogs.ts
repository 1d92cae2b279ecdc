import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DATASET_LIMITS, type PickedFile } from '../shared/contract/datasets';
import type { PickedFiles } from '../host/files/picked-files';
import type { HostHandlers } from '../host/router';

export const DATA_FILE_FILTERS: OpenDialogOptions['filters'] = [
  { name: 'Sketch and image data', extensions: ['bin', 'ndjson', 'npy', 'gz', 'ubyte'] },
  { name: 'All files', extensions: ['*'] },
];

/**
 * The open-file dialog. The paths it returns are remembered here, in main, and the page gets
 * only opaque ids: a compromised page cannot name a file the person did not pick.
 */
export function dialogHostHandlers(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  getWindow: () => BrowserWindow | undefined,
  picked: PickedFiles,
): Pick<HostHandlers, 'dialog:open-data-files'> {
  return {
    'dialog:open-data-files': async () => {
      const options: OpenDialogOptions = {
        title: 'Import drawings or images',
        properties: ['openFile', 'multiSelections'],
        filters: DATA_FILE_FILTERS,
      };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      if (result.canceled) return [];
      const files: PickedFile[] = [];
      for (const path of result.filePaths.slice(0, DATASET_LIMITS.filesPerImport)) {
        const info = await stat(path);
        if (info.isFile()) files.push(picked.add(path, basename(path), info.size));
      }
      return files;
    },
  };
}
