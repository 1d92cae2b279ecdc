import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * Shipped models name their data relative to the app's resources folder
 * (`resources:data/mnist-t10k-images-idx3-ubyte.gz`), because the folder moves when the app
 * is installed. This turns such a name into a path; other sources are returned unchanged.
 */
export const RESOURCE_PREFIX = 'resources:';

export function resolveResourceSource(source: string, resourcesDir: string): string {
  if (!source.startsWith(RESOURCE_PREFIX)) return source;
  const relative = source.slice(RESOURCE_PREFIX.length);
  if (relative.split(/[\\/]/).includes('..')) return source;
  return join(resourcesDir, relative);
}

/** The inverse: a path inside the resources folder becomes `resources:…`. */
export function portableSource(source: string, resourcesDir: string): string {
  const rel = relative(resourcesDir, source);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return source;
  return `${RESOURCE_PREFIX}${rel.split(sep).join('/')}`;
}
