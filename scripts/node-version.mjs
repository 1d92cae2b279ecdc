// Node version floors as packages declare them in `engines.node` (">= 22.12.0", ">=20.19"),
// compared with the running Node. Shared by `npm start`, `npm run dev` and the installer scripts.

const FLOOR = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/;

/**
 * The lowest version a ">= X.Y.Z" range admits, as [major, minor, patch]; undefined for any
 * other form of range (which these scripts then do not judge).
 * @param {string | undefined} range
 * @returns {[number, number, number] | undefined}
 */
export function nodeFloor(range) {
  const match = range === undefined ? null : FLOOR.exec(range);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** "22.12.0" → [22, 12, 0]; a leading "v" is allowed. */
export function parseVersion(version) {
  const [major = 0, minor = 0, patch = 0] = version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10) || 0);
  return [major, minor, patch];
}

/** Whether `version` meets the ">= X.Y.Z" `range`; a range of another form is not judged (true). */
export function meetsNodeRange(version, range) {
  const floor = nodeFloor(range);
  if (!floor) return true;
  const have = parseVersion(version);
  for (let i = 0; i < 3; i++) if (have[i] !== floor[i]) return have[i] > floor[i];
  return true;
}

/** ">=22.12" → "22.12 or later"; a range of another form as it is. */
export function describeNodeRange(range) {
  const floor = nodeFloor(range);
  if (!floor) return range;
  const [major, minor, patch] = floor;
  return `${major}.${minor}${patch ? `.${patch}` : ''} or later`;
}
