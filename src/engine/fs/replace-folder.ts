import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncFolder } from './durable';
import { writerMayBeRunning } from './leftover-writer';
import { removeFolder } from './remove-folder';

/*
 * Replacing folder NAME (a saved model, a checkpoint) so that a kill at any instant leaves one
 * complete copy, and so that recovery touches nothing but what a replacement of ours left:
 *
 *   1. the journal `.NAME.replacing-PID-TIME`, an empty file, is created (exclusively). It is
 *      the mark: it names the only folders this replacement may leave beside NAME,
 *      `.NAME.saving-PID-TIME` (being written), `.NAME.ready-PID-TIME` (complete) and
 *      `.NAME.old-PID-TIME` (the copy replaced);
 *   2. the new copy is written into the saving folder and synced;
 *   3. the saving folder is renamed to ready: the commit;
 *   4. NAME is renamed to old, then ready to NAME;
 *   5. old is removed, then the journal.
 *
 * Recovery reads only journals, and acts only on the folders of a journal's own PID-TIME: a
 * folder named like a leftover with no journal beside it (a person's `NAME.old-2024-06`, or
 * even `.NAME.old-1-2`) is never moved or removed. With a journal whose process is gone, a ready
 * copy is put in place (NAME set aside first); with none, NAME stays as it is. A saving copy is
 * removed, and an old one too once NAME is there (it is put back where NAME is missing).
 * A replacement still running in another process (its PID is alive) is left alone.
 */

/** Targets this process is replacing right now: recovery in the same process keeps off them. */
const busy = new Set<string>();

interface Stamp {
  pid: number;
  time: number;
}

/** What one replacement of a folder may leave beside it, all named by its stamp. */
interface Leftovers {
  journal: string;
  saving: string;
  ready: string;
  old: string;
}

const JOURNAL = 'replacing';
const STAMP = /^(\d+)-(\d+)$/;
/** A journal in a folder of replaced folders: `.NAME.replacing-PID-TIME`. */
const ANY_JOURNAL = new RegExp(`^\\.(.+)\\.${JOURNAL}-\\d+-\\d+$`);

function leftovers(target: string, { pid, time }: Stamp): Leftovers {
  const beside = (kind: string) => join(dirname(target), `.${basename(target)}.${kind}-${pid}-${time}`);
  return { journal: beside(JOURNAL), saving: beside('saving'), ready: beside('ready'), old: beside('old') };
}

/** The stamp of `entry` when it is a journal of NAME's. */
function journalStamp(name: string, entry: string): Stamp | undefined {
  const prefix = `.${name}.${JOURNAL}-`;
  if (!entry.startsWith(prefix)) return undefined;
  const m = STAMP.exec(entry.slice(prefix.length));
  return m ? { pid: Number(m[1]), time: Number(m[2]) } : undefined;
}

/**
 * Whether a journal belongs to a replacement still running elsewhere. Our own PID on one is a
 * predecessor's (PIDs are reused) unless we are busy with it, which recoverFolder checks.
 */
const isLive = (stamp: Stamp) => writerMayBeRunning(stamp, 'predecessor');

async function kindOf(path: string): Promise<'folder' | 'journal' | 'other' | undefined> {
  try {
    const info = await lstat(path);
    if (info.isDirectory()) return 'folder';
    // Our journal is an empty regular file; anything else of that name is not ours.
    return info.isFile() && info.size === 0 ? 'journal' : 'other';
  } catch {
    return undefined;
  }
}

/** Removes a leftover only when it is a real folder (a link or file of that name is not ours). */
async function removeLeftover(path: string): Promise<void> {
  if ((await kindOf(path)) === 'folder') await removeFolder(path);
}

/** Finishes or undoes one replacement from its journal (its process is gone). */
async function settle(target: string, p: Leftovers): Promise<void> {
  if ((await kindOf(p.journal)) !== 'journal') return;
  const root = dirname(target);
  const current = await kindOf(target);
  // NAME is a folder or absent in every state a replacement leaves; anything else was put
  // there since, by someone else: touch nothing.
  if (current !== undefined && current !== 'folder') return;
  if ((await kindOf(p.ready)) === 'folder') {
    // Committed: the ready copy is the newest complete one.
    if (current === 'folder') await rename(target, p.old);
    await rename(p.ready, target);
    await syncFolder(root);
  } else if (current === undefined && (await kindOf(p.old)) === 'folder') {
    await rename(p.old, target);
    await syncFolder(root);
  }
  await removeLeftover(p.saving);
  await removeLeftover(p.old);
  await syncFolder(root);
  // The journal goes last: until then every leftover above is still marked as ours.
  await rm(p.journal, { force: true });
  await syncFolder(root);
}

/**
 * Finishes or undoes whatever a crash left of replacing `target`, so that `target` is the
 * newest complete copy and nothing of ours remains beside it. Safe to call at any time, by any
 * process: it does nothing while a live process is replacing the same folder.
 */
export async function recoverFolder(target: string): Promise<void> {
  if (busy.has(target)) return;
  const name = basename(target);
  const entries = await readdir(dirname(target)).catch(() => [] as string[]);
  const stamps = entries
    .map((entry) => journalStamp(name, entry))
    .filter((s): s is Stamp => s !== undefined)
    .sort((a, b) => a.time - b.time);
  if (stamps.some(isLive)) return;
  for (const stamp of stamps) await settle(target, leftovers(target, stamp));
}

/**
 * Recovers every folder in `root` that has a journal beside it (see recoverFolder). Run before
 * listing a folder of replaceable folders.
 */
export async function recoverReplacedFolders(root: string): Promise<void> {
  const entries = await readdir(root).catch(() => [] as string[]);
  const names = new Set(entries.map((entry) => ANY_JOURNAL.exec(entry)?.[1]).filter((n) => n !== undefined));
  for (const name of names) await recoverFolder(join(root, name));
}

/** Steps 4–5: the committed copy in place of `target`, then what remains of ours removed. */
async function putInPlace(p: Leftovers, target: string): Promise<void> {
  const root = dirname(target);
  await syncFolder(root);
  let setAside = true;
  try {
    await rename(target, p.old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    setAside = false;
  }
  await rename(p.ready, target);
  await syncFolder(root);
  try {
    if (setAside) await removeFolder(p.old);
    await rm(p.journal, { force: true });
    await syncFolder(root);
  } catch {
    // The new copy is in place: what could not be removed is still journaled, and the next
    // recovery removes it.
  }
}

/** A failure before the new copy was in place: `target` as it was, and nothing of ours beside it. */
async function undo(p: Leftovers, target: string): Promise<void> {
  if ((await kindOf(target)) === undefined && (await kindOf(p.old)) === 'folder') await rename(p.old, target);
  await removeLeftover(p.saving);
  await removeLeftover(p.ready);
  await rm(p.journal, { force: true });
}

/**
 * Creates the journal, an empty file no one else has (the folder it is in too, when missing).
 * It is made durable by the folder syncs that come before any rename.
 */
async function createJournal(path: string): Promise<void> {
  let journal;
  try {
    journal = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    journal = await open(path, 'wx');
  }
  await journal.close();
}

/** Journals a replacement of `target`; `commit` leaves the complete new copy at `ready`. */
async function replaceThrough(target: string, commit: (p: Leftovers) => Promise<void>): Promise<void> {
  const p = leftovers(target, { pid: process.pid, time: Date.now() });
  busy.add(target);
  try {
    await createJournal(p.journal);
    try {
      await commit(p);
      await putInPlace(p, target);
    } catch (error) {
      // If undoing fails too, the journal stays and the next recovery settles it.
      await undo(p, target).catch(() => undefined);
      throw error;
    }
  } finally {
    busy.delete(target);
  }
}

/**
 * Puts a finished temp folder (beside `target`) in place of `target`, surviving a kill at any
 * instant: afterwards, or after recoverFolder, `target` is either the old or the new copy.
 */
export async function replaceFolder(temp: string, target: string): Promise<void> {
  await replaceThrough(target, (p) => rename(temp, p.ready));
}

/**
 * Writes a new copy of `target` with `write` (into a fresh folder beside it) and puts it in
 * place. What an earlier crash left is recovered first; a failure leaves `target` as it was.
 */
export async function writeFolderReplacing(target: string, write: (temp: string) => Promise<void>): Promise<void> {
  await recoverFolder(target);
  await replaceThrough(target, async (p) => {
    await mkdir(p.saving);
    await write(p.saving);
    await syncFolder(p.saving);
    await rename(p.saving, p.ready);
  });
}
