import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../fs/atomic';
import type { Concept } from '../../shared/types/latent';

/** On disk: the vector as a plain number array (JSON has no Float32Array). */
interface StoredConcept extends Omit<Concept, 'vector'> {
  vector: number[];
}

const FILE_VERSION = 1;

/**
 * Concept vectors, one JSON file per model in `<data home>/concepts/`. Written atomically
 * (temp file + fsync + rename), so a crash never leaves a half-written list.
 */
export class ConceptStore {
  constructor(private readonly root: string) {}

  private fileOf(modelId: string): string {
    // Model ids are checked by the contract ("origin:NAME"); ':' is not allowed in Windows names.
    return join(this.root, `${modelId.replace(':', '--')}.json`);
  }

  async list(modelId: string): Promise<Concept[]> {
    let text: string;
    try {
      text = await readFile(this.fileOf(modelId), 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed = JSON.parse(text) as { concepts?: StoredConcept[] };
      return (parsed.concepts ?? []).map((c) => ({ ...c, vector: Float32Array.from(c.vector) }));
    } catch {
      return [];
    }
  }

  async add(concept: Concept): Promise<Concept[]> {
    const all = [...(await this.list(concept.modelId)), concept];
    await this.write(concept.modelId, all);
    return all;
  }

  async remove(modelId: string, id: string): Promise<Concept[]> {
    const all = (await this.list(modelId)).filter((c) => c.id !== id);
    await this.write(modelId, all);
    return all;
  }

  private async write(modelId: string, concepts: Concept[]): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const stored: StoredConcept[] = concepts.map((c) => ({ ...c, vector: Array.from(c.vector) }));
    await writeAtomic(this.fileOf(modelId), JSON.stringify({ version: FILE_VERSION, concepts: stored }, null, 2));
  }
}
