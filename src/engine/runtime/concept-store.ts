import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { removeDeadWriteTemps, withFileLock, writeAtomic } from '../fs/atomic';
import type { Concept } from '../../shared/types/latent';

/** On disk: the vector as a plain number array (JSON has no Float32Array). */
interface StoredConcept extends Omit<Concept, 'vector'> {
  vector: number[];
}

const FILE_VERSION = 1;

export const CONCEPT_STORE_ERRORS = {
  damaged: (file: string, keptAs: string) =>
    `the saved concepts in ${file} could not be read; the file was kept as ${keptAs} and a new list is started`,
  newerVersion: (file: string) =>
    `the concepts in ${file} were saved by a newer LatentDraw; update the app to change them`,
  unreadable: (file: string) => `the concepts in ${file} cannot be read`,
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isStoredConcept(v: unknown): v is StoredConcept {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.modelId === 'string' &&
    typeof v.description === 'string' &&
    typeof v.createdAt === 'string' &&
    typeof v.countA === 'number' &&
    typeof v.countB === 'number' &&
    Array.isArray(v.vector) &&
    v.vector.every((x) => typeof x === 'number' && Number.isFinite(x))
  );
}

/** The concepts of a parsed file, 'newer' for a later format, undefined when it is not ours. */
function conceptsOf(value: unknown): StoredConcept[] | 'newer' | undefined {
  if (!isObject(value) || typeof value.version !== 'number') return undefined;
  if (value.version > FILE_VERSION) return 'newer';
  if (!Array.isArray(value.concepts) || !value.concepts.every(isStoredConcept)) return undefined;
  return value.concepts;
}

/**
 * Concept vectors, one JSON file per model in `<data home>/concepts/`. Written atomically
 * (temp file + fsync + rename), so a crash never leaves a half-written list. A list is only
 * ever rewritten from what was read: a file that cannot be read is never overwritten. A
 * damaged one is renamed aside (its concepts stay on disk) and the person is told where. Each
 * read-modify-write of a model's list holds its file's lock, so concepts defined at once are
 * all kept.
 */
export class ConceptStore {
  constructor(private readonly root: string) {}

  private fileOf(modelId: string): string {
    // Model ids are checked by the contract ("origin:NAME"); ':' is not allowed in Windows names.
    return join(this.root, `${modelId.replace(':', '--')}.json`);
  }

  /**
   * The person's listing, which also removes what killed writes left behind. Reading may set a
   * damaged file aside: that too waits for the file's other changes.
   */
  async list(modelId: string): Promise<Concept[]> {
    await removeDeadWriteTemps(this.root);
    return withFileLock(this.fileOf(modelId), () => this.read(modelId));
  }

  /** One concept, for applying it: asked every frame while a slider moves, so no folder scan. */
  find(modelId: string, id: string): Promise<Concept | undefined> {
    return withFileLock(this.fileOf(modelId), async () => (await this.read(modelId)).find((c) => c.id === id));
  }

  add(concept: Concept): Promise<Concept[]> {
    return withFileLock(this.fileOf(concept.modelId), async () => {
      const all = [...(await this.read(concept.modelId)), concept];
      await this.write(concept.modelId, all);
      return all;
    });
  }

  remove(modelId: string, id: string): Promise<Concept[]> {
    return withFileLock(this.fileOf(modelId), async () => {
      const all = (await this.read(modelId)).filter((c) => c.id !== id);
      await this.write(modelId, all);
      return all;
    });
  }

  /** The list as stored; callers hold the file's lock. */
  private async read(modelId: string): Promise<Concept[]> {
    const file = this.fileOf(modelId);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      // Only a file that is not there is an empty list; any other failure is not.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new Error(CONCEPT_STORE_ERRORS.unreadable(file), { cause: error });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const stored = conceptsOf(parsed);
    if (stored === 'newer') throw new Error(CONCEPT_STORE_ERRORS.newerVersion(file));
    if (stored === undefined) {
      const keptAs = `${file.slice(0, -'.json'.length)}.damaged-${Date.now()}.json`;
      await rename(file, keptAs);
      throw new Error(CONCEPT_STORE_ERRORS.damaged(file, keptAs));
    }
    return stored.map((c) => ({ ...c, vector: Float32Array.from(c.vector) }));
  }

  private async write(modelId: string, concepts: Concept[]): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const stored: StoredConcept[] = concepts.map((c) => ({ ...c, vector: Array.from(c.vector) }));
    await writeAtomic(this.fileOf(modelId), JSON.stringify({ version: FILE_VERSION, concepts: stored }, null, 2));
  }
}
