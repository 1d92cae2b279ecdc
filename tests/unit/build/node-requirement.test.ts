import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

interface VersionModule {
  nodeFloor(range: string | undefined): [number, number, number] | undefined;
  meetsNodeRange(version: string, range: string | undefined): boolean;
}
interface CheckModule {
  DESKTOP_ENGINE: string;
  NODE_MESSAGES: { tooOld(desktop: string, node: string, current: string): string; noRange: string };
  desktopNodeProblem(pkg: { engines?: Record<string, string> }, current?: string): string | undefined;
}

// @ts-expect-error plain JavaScript module of the npm scripts (scripts/node-version.mjs)
const versions = (await import('../../../scripts/node-version.mjs')) as VersionModule;
// @ts-expect-error plain JavaScript module of the dist scripts (scripts/check-node.mjs)
const check = (await import('../../../scripts/check-node.mjs')) as CheckModule;

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: Record<string, string>;
  scripts: Record<string, string>;
};
const desktopRange = pkg.engines[check.DESKTOP_ENGINE];

/** What the desktop app and the installers run, each declaring the Node it needs. */
const DESKTOP_TOOLS = ['electron', '@electron/rebuild', 'node-abi', 'electron-builder', 'app-builder-lib'];

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** "22.12" for [22, 12, 0], as README writes it. */
const shortVersion = ([major, minor, patch]: readonly number[]) => `${major}.${minor}${patch ? `.${patch}` : ''}`;

describe('the Node versions LatentDraw needs (package.json engines)', () => {
  test('the package runs on the Node its tools need; the desktop app and installers need their highest', () => {
    const floors = DESKTOP_TOOLS.filter((name) => existsSync(`node_modules/${name}/package.json`)).map((name) => {
      const range = (
        JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { engines?: { node?: string } }
      ).engines?.node;
      return { name, floor: versions.nodeFloor(range) ?? [0, 0, 0] };
    });
    expect(floors.map((f) => f.name)).toEqual(expect.arrayContaining(['electron', '@electron/rebuild', 'node-abi']));
    const highest = floors.reduce((a, b) => (compare(a.floor, b.floor) >= 0 ? a : b));
    const desktop = versions.nodeFloor(desktopRange);
    const node = versions.nodeFloor(pkg.engines.node);
    expect(desktop, `engines["${check.DESKTOP_ENGINE}"] must be a ">=" range`).toBeDefined();
    expect(node, 'engines.node must be a ">=" range').toBeDefined();
    expect(desktop, `${highest.name} needs Node ${highest.floor.join('.')}`).toEqual(highest.floor);
    expect(compare(node!, desktop!)).toBeLessThan(0);
  });

  test('every installer script checks the Node version before it builds', () => {
    const dist = Object.entries(pkg.scripts).filter(([name]) => name === 'dist' || name.startsWith('dist:'));
    expect(dist.length).toBeGreaterThanOrEqual(4);
    for (const [name, script] of dist)
      expect(script, name).toMatch(/^node scripts\/check-node\.mjs && .*electron-builder/);
  });

  test('the check refuses an older Node with what each part needs, and passes a recent one', () => {
    const [major, minor] = versions.nodeFloor(desktopRange)!;
    const older = `${major}.${minor - 1}.9`;
    expect(check.desktopNodeProblem(pkg, older)).toBe(
      check.NODE_MESSAGES.tooOld(desktopRange, pkg.engines.node, older),
    );
    expect(check.NODE_MESSAGES.tooOld(desktopRange, pkg.engines.node, older)).toContain(
      `needs Node ${major}.${minor} or later`,
    );
    expect(check.desktopNodeProblem(pkg, `${major}.${minor}.0`)).toBeUndefined();
    expect(check.desktopNodeProblem(pkg, `${major + 1}.0.0`)).toBeUndefined();
    expect(check.desktopNodeProblem({ engines: { node: '>=20' } })).toBe(check.NODE_MESSAGES.noRange);
  });

  test('the check, run as the dist scripts run it, exits as this Node allows', () => {
    const run = spawnSync(process.execPath, ['scripts/check-node.mjs'], { encoding: 'utf8' });
    const ok = versions.meetsNodeRange(process.versions.node, desktopRange);
    expect(run.status).toBe(ok ? 0 : 1);
    expect(run.stderr.trim()).toBe(
      ok ? '' : check.NODE_MESSAGES.tooOld(desktopRange, pkg.engines.node, process.versions.node),
    );
  });

  test('README says what each part needs', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`Node.js ≥ ${shortVersion(versions.nodeFloor(pkg.engines.node)!)}`);
    expect(readme).toContain(`Node.js ≥ ${shortVersion(versions.nodeFloor(desktopRange)!)}`);
  });

  test('reads ">=" ranges as npm writes them, and judges no other form', () => {
    expect(versions.nodeFloor('>= 22.12.0')).toEqual([22, 12, 0]);
    expect(versions.nodeFloor('>=20.19')).toEqual([20, 19, 0]);
    expect(versions.nodeFloor('^20.19.0 || >=22.12.0')).toBeUndefined();
    expect(versions.meetsNodeRange('v22.12.0', '>= 22.12.0')).toBe(true);
    expect(versions.meetsNodeRange('22.11.9', '>= 22.12.0')).toBe(false);
    expect(versions.meetsNodeRange('20.20.2', '>=20.19')).toBe(true);
    expect(versions.meetsNodeRange('18.0.0', '^20.19.0 || >=22.12.0')).toBe(true);
  });
});
