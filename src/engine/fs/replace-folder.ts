import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ATOMIC_TEMP_PATTERN, syncFolder, writeAtomic } from './durable';
import { isProcessAlive } from './process-alive';
import { removeFolder } from './remove-folder';

/*
 * Replacing folder NAME (a saved model) so that a kill at any instant leaves one complete copy
 * that the next start finds without guessing:
 *
 *   1. the new copy is written into `.NAME.saving-PID-TIME` and synced;
 *   2. the marker `.NAME.current` is switched to name it (an atomic file write): the commit;
 *   3. NAME is renamed to `.NAME.old-PID-TIME`, then the new copy to NAME;
 *   4. the marker is removed (no marker: NAME is current), then the old copy.
 *
 * Recovery reads the marker. If it names a copy that exists, that copy is finished (it was
 * complete before the marker named it) and is put in place; otherwise NAME is current. Half
 * written copies, old copies and marker temporaries are then removed. A save still running
 * in another process (its PID is alive) is left alone.
 */

const MARKER_SUFFIX = '.current';

/** Targets this process is replacing right now: recovery in the same process keeps off them. */
const busy = new Set<string>();

type RelatedKind = 'marker' | 'marker-temp' | 'saving' | 'old' | 'legacy-old';

interface Related {
  entry: string;
  kind: RelatedKind;
  pid?: number;
  time: number;
}

const PID_TIME = /^(\d+)-(\d+)$/;

/** No save takes this long: older entries are stale even if their PID has been reused since. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Whether an entry belongs to a save that is still running elsewhere. Our own PID on an entry
 * is a predecessor's (PIDs are reused) unless we are busy with it, which recoverFolder checks.
 */
function isLiveWork(r: Related): boolean {
  if (r.pid === undefined || r.pid === process.pid) return false;
  if (r.time > 0 && Date.now() - r.time > STALE_AFTER_MS) return false;
  return isProcessAlive(r.pid);
}

function markerOf(target: string): string {
  return join(dirname(target), `.${basename(target)}${MARKER_SUFFIX}`);
}

function stamped(target: string, kind: 'saving' | 'old'): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${process.pid}-${Date.now()}`);
}

/** What `entry` in NAME's parent is to NAME, if anything. */
function relatedEntry(name: string, entry: string): Related | undefined {
  const marker = `.${name}${MARKER_SUFFIX}`;
  if (entry === marker) return { entry, kind: 'marker', time: 0 };
  if (entry.startsWith(`${marker}.tmp-`)) {
    const m = ATOMIC_TEMP_PATTERN.exec(entry);
    if (m) return { entry, kind: 'marker-temp', pid: Number(m[1]), time: Number(m[2]) };
  }
  const forms: [string, RelatedKind][] = [
    [`.${name}.saving-`, 'saving'],
    [`.${name}.old-`, 'old'],
    // What earlier versions set aside: `NAME.old-PID-TIME`, with no marker.
    [`${name}.old-`, 'legacy-old'],
  ];
  for (const [prefix, kind] of forms) {
    if (!entry.startsWith(prefix)) continue;
    const m = PID_TIME.exec(entry.slice(prefix.length));
    if (m) return { entry, kind, pid: Number(m[1]), time: Number(m[2]) };
  }
  return undefined;
}

async function readMarker(path: string): Promise<string | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as { current?: unknown };
    const current = value.current;
    // Only a plain entry of the same folder: the marker never points anywhere else.
    return typeof current === 'string' && current.length > 0 && !/[\\/]/.test(current) && current !== '..'
      ? current
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finishes or undoes whatever a crash left of replacing `target`, so that `target` is the
 * newest complete copy and nothing else of it remains. Safe to call at any time, by any
 * process: it does nothing while a live process is replacing the same folder.
 */
export async function recoverFolder(target: string): Promise<void> {
  if (busy.has(target)) return;
  const root = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    return;
  }
  const related = entries.map((e) => relatedEntry(name, e)).filter((r): r is Related => r !== undefined);
  if (related.length === 0) return;
  if (related.some(isLiveWork)) return;
  const present = new Set(entries);
  const marker = related.find((r) => r.kind === 'marker');
  const current = marker ? await readMarker(join(root, marker.entry)) : undefined;
  let restored: string | undefined;
  if (current !== undefined && current !== name && present.has(current)) {
    // Committed but not yet in place: the marked copy is the newest complete one.
    if (present.has(name)) {
      const aside = stamped(target, 'old');
      await rename(target, aside);
      related.push({ entry: basename(aside), kind: 'old', time: Date.now() });
    }
    await rename(join(root, current), target);
    restored = current;
  } else if (!present.has(name)) {
    // No commit in flight, yet no NAME: only a copy set aside by an earlier version can hold
    // it. The newest one is whole: an older one may be the half-removed leftover of a crash
    // that happened after its replacement was already in place.
    const aside = related
      .filter((r) => r.kind === 'old' || r.kind === 'legacy-old')
      .sort((a, b) => b.time - a.time || b.entry.localeCompare(a.entry))[0];
    if (aside) {
      await rename(join(root, aside.entry), target);
      restored = aside.entry;
    }
  }
  await syncFolder(root);
  if (marker) await rm(join(root, marker.entry), { force: true });
  await syncFolder(root);
  for (const r of related) {
    if (r.entry === restored || r.kind === 'marker') continue;
    await removeFolder(join(root, r.entry));
  }
}

/** Legacy save temporaries of earlier versions: `.TIME-PID.saving`. */
const LEGACY_SAVING = /^\.\d+-(\d+)\.saving$/;

/**
 * Recovers every replaceable folder in `root` (see recoverFolder) and removes temporaries of
 * saves whose process is gone. Run before listing a folder of replaceable folders.
 */
export async function recoverReplacedFolders(root: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    return;
  }
  const names = new Set<string>();
  for (const entry of entries) {
    const m =
      /^\.(.+)\.current(?:\.tmp-\d+-\d+)?$/.exec(entry) ??
      /^\.(.+)\.(?:saving|old)-\d+-\d+$/.exec(entry) ??
      /^([^.].*)\.old-\d+-\d+$/.exec(entry);
    if (m) names.add(m[1]);
    const legacy = LEGACY_SAVING.exec(entry);
    if (legacy && !isProcessAlive(Number(legacy[1]))) await removeFolder(join(root, entry));
  }
  for (const name of names) await recoverFolder(join(root, name));
}

/** Puts the finished folder `temp` in place of `target` (steps 2–4 above). */
async function commit(temp: string, target: string): Promise<void> {
  const marker = markerOf(target);
  await writeAtomic(marker, JSON.stringify({ current: basename(temp) }));
  let aside: string | undefined = stamped(target, 'old');
  try {
    await rename(target, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(marker, { force: true });
      throw error;
    }
    aside = undefined;
  }
  try {
    await rename(temp, target);
  } catch (error) {
    if (aside) await rename(aside, target);
    await rm(marker, { force: true });
    throw error;
  }
  await syncFolder(dirname(target));
  await rm(marker, { force: true });
  await syncFolder(dirname(target));
  if (aside) await removeFolder(aside);
}

/**
 * Puts a finished temp folder (beside `target`) in place of `target`, surviving a kill at any
 * instant: afterwards, or after recoverFolder, `target` is either the old or the new copy.
 */
export async function replaceFolder(temp: string, target: string): Promise<void> {
  busy.add(target);
  try {
    await commit(temp, target);
  } finally {
    busy.delete(target);
  }
}

/**
 * Writes a new copy of `target` with `write` (into a fresh temp folder beside it) and puts it
 * in place. What an earlier crash left is recovered first; a failure leaves `target` as it was.
 */
export async function writeFolderReplacing(target: string, write: (temp: string) => Promise<void>): Promise<void> {
  await recoverFolder(target);
  busy.add(target);
  const temp = stamped(target, 'saving');
  try {
    await mkdir(temp, { recursive: true });
    await write(temp);
    await syncFolder(temp);
    await commit(temp, target);
  } catch (error) {
    await removeFolder(temp).catch(() => undefined);
    throw error;
  } finally {
    busy.delete(target);
  }
}
