import { readFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  dev?: boolean;
}

/** The install tree package-lock.json describes: folder ("node_modules/a/node_modules/b") → entry. */
export function readLock(file = 'package-lock.json'): Map<string, LockEntry> {
  const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockEntry> };
  return new Map(Object.entries(lock.packages));
}

/** The package name a lock folder holds ("node_modules/@scope/name" → "@scope/name"). */
export function packageName(folder: string): string {
  return folder.slice(folder.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** Node's lookup: the nearest node_modules/<name> from `from` upwards that the lock holds. */
function resolveIn(lock: Map<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.has(candidate)) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

/** Every lock folder reachable from `roots` (direct dependency names) through dependencies and optionalDependencies. */
export function closure(lock: Map<string, LockEntry>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = roots.map((name) => resolveIn(lock, '', name)).filter((f): f is string => f !== undefined);
  while (queue.length) {
    const folder = queue.pop()!;
    if (seen.has(folder)) continue;
    seen.add(folder);
    const entry = lock.get(folder)!;
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const child = resolveIn(lock, folder, name);
      if (child) queue.push(child);
    }
  }
  return seen;
}
