import { resolve } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

/** The files and options a tsconfig gives TypeScript, read the way tsc reads them. */
function project(name: string): ts.ParsedCommandLine {
  const read = ts.readConfigFile(resolve(name), (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, resolve('.'));
}

test('the trainer page is type-checked as a page: with the DOM library, without Node', () => {
  const web = project('tsconfig.web.json');
  const node = project('tsconfig.json');
  for (const file of ['src/trainer/main.ts', 'src/trainer/window-backend.ts']) {
    expect(web.fileNames).toContain(resolve(file));
    expect(node.fileNames).not.toContain(resolve(file));
  }
  expect(web.options.lib).toContain('lib.dom.d.ts');
  expect(web.options.types ?? []).not.toContain('node');
});
