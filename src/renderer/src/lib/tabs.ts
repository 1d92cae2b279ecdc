/**
 * Keyboard movement in a tab list (WAI-ARIA tabs pattern): arrows move to the neighbour and wrap,
 * Home and End go to the ends. Returns undefined for keys a tab list does not handle.
 */
export function tabAfter<T>(ids: readonly T[], current: T, key: string): T | undefined {
  if (ids.length === 0) return undefined;
  const at = Math.max(0, ids.indexOf(current));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return ids[(at + 1) % ids.length];
    case 'ArrowLeft':
    case 'ArrowUp':
      return ids[(at - 1 + ids.length) % ids.length];
    case 'Home':
      return ids[0];
    case 'End':
      return ids[ids.length - 1];
    default:
      return undefined;
  }
}
