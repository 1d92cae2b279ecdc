import type { LoadedModel } from '../models/store/store';
import type { Projection } from '../../shared/contract/explore';
import type { DatasetStore } from '../data/store/dataset-store';
import { buildExploredSet, type ExploredSet } from './explored-set';
import { projectCodes, type Projected } from './projection';

/** Models whose explored sets stay in memory (each is a few MB). */
const CAPACITY = 3;

interface Entry {
  set: Promise<ExploredSet>;
  projections: Map<Projection, Promise<Projected>>;
}

/**
 * Encoded sets and their projections, per model version: encoding takes a second and UMAP
 * several, and the Explore tab asks for them on every view switch. Keyed by the model's id and
 * save time, so a retrained model is explored afresh.
 */
export class ExploreCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly store: DatasetStore) {}

  private entry(id: string, loaded: LoadedModel): Entry {
    const key = `${id}@${loaded.metadata.savedAt}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry;
    }
    const set = buildExploredSet(loaded, this.store);
    entry = { set, projections: new Map() };
    this.entries.set(key, entry);
    // A failed load is forgotten so that importing the dataset again and retrying works.
    set.catch(() => this.entries.delete(key));
    while (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  set(id: string, loaded: LoadedModel): Promise<ExploredSet> {
    return this.entry(id, loaded).set;
  }

  async projection(id: string, loaded: LoadedModel, projection: Projection): Promise<Projected> {
    const entry = this.entry(id, loaded);
    let projected = entry.projections.get(projection);
    if (!projected) {
      projected = entry.set.then((set) => projectCodes(set.codes, set.count, set.latentSize, projection));
      entry.projections.set(projection, projected);
      projected.catch(() => entry.projections.delete(projection));
    }
    return projected;
  }
}
