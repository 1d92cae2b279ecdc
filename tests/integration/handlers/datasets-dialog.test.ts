import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { afterAll, describe, expect, test } from 'vitest';
import { PickedFiles } from '../../../src/host/files/picked-files';
import { dialogHostHandlers } from '../../../src/main/dialogs';
import { tempDir } from '../../helpers/temp-folder';

/** Electron's dialog, mocked: the binary cannot run here, and the logic around it is what matters. */
function fakeDialog(result: { canceled: boolean; filePaths: string[] }) {
  const calls: unknown[][] = [];
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      calls.push(args);
      return result;
    },
  } as unknown as Pick<Dialog, 'showOpenDialog'>;
  return { dialog, calls };
}

describe('Electron open-file dialog handler', () => {
  const folder = tempDir('dialog');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('remembers the picked paths in main and gives the page only ids, names and sizes', async () => {
    const path = join(folder, 'cat.ndjson');
    writeFileSync(path, 'x'.repeat(42));
    const picked = new PickedFiles();
    const window = {} as BrowserWindow;
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: [path, folder] });
    const files = await dialogHostHandlers(dialog, () => window, picked)['dialog:open-data-files']({});
    expect(calls[0][0]).toBe(window);
    expect(calls[0][1]).toMatchObject({ properties: ['openFile', 'multiSelections'] });
    // The folder is not a file: it is dropped.
    expect(files).toEqual([{ id: expect.stringMatching(/^f-[a-z0-9]+$/), name: 'cat.ndjson', size: 42 }]);
    expect(JSON.stringify(files)).not.toContain(folder);
    expect(picked.get(files[0].id)?.path).toBe(path);
  });

  test('a cancelled dialog picks nothing', async () => {
    const { dialog } = fakeDialog({ canceled: true, filePaths: [] });
    expect(await dialogHostHandlers(dialog, () => undefined, new PickedFiles())['dialog:open-data-files']({})).toEqual(
      [],
    );
  });
});
