import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

/** The rule ids the project's ESLint config reports for `code` placed at `file`. */
async function ruleIds(eslint: ESLint, code: string, file: string): Promise<Array<string | null>> {
  const [result] = await eslint.lintText(code, { filePath: resolve(file) });
  return result.messages.map((message) => message.ruleId);
}

describe('the renderer imports no tfjs, no Node, no Electron and no other process (eslint.config.js)', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: resolve('.') });
  });

  const forbidden = [
    "import * as tf from '@tensorflow/tfjs';",
    "import '@tensorflow/tfjs-backend-wasm';",
    "import { readFile } from 'node:fs/promises';",
    "import { join } from 'path';",
    "import { readFileSync } from 'fs';",
    "import { ipcRenderer } from 'electron';",
    "import { startEngine } from '../../../engine/engine';",
    "import type { EngineContext } from '../../../engine/context';",
    "import { createMainWindow } from '../../../main/window';",
    "import { route } from '../../../host/router';",
    "export { startServer } from '../../../server/server';",
  ];

  test.each(forbidden)('refuses %s in a renderer file', async (line) => {
    const ids = await ruleIds(eslint, `${line}\n`, 'src/renderer/src/lib/probe.ts');
    expect(ids).toContain('no-restricted-imports');
  });

  test('refuses it in a component too', async () => {
    const svelte = `<script lang="ts">\n  import * as tf from '@tensorflow/tfjs';\n  void tf;\n</script>\n`;
    expect(await ruleIds(eslint, svelte, 'src/renderer/src/components/Probe.svelte')).toContain(
      'no-restricted-imports',
    );
  });

  test('lets the renderer import src/shared, its own files and its libraries; other processes keep theirs', async () => {
    const allowed = [
      "import type { Stroke } from '../../../shared/types/drawing';",
      "import { studio } from './studio';",
      "import Konva from 'konva';",
      "import { scaleLinear } from 'd3-scale';",
    ].join('\n');
    const renderer = await ruleIds(eslint, `${allowed}\n`, 'src/renderer/src/lib/probe.ts');
    const engine = await ruleIds(eslint, "import * as tf from '@tensorflow/tfjs';\n", 'src/engine/probe.ts');
    for (const ids of [renderer, engine]) {
      // null is a file ESLint could not parse: then no rule ran at all.
      expect(ids).not.toContain(null);
      expect(ids).not.toContain('no-restricted-imports');
      expect(ids).toContain('@typescript-eslint/no-unused-vars');
    }
  });
});
