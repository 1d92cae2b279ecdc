import { dirname, join } from 'node:path';
import { resolveResourceSource } from '../data/resource-source';
import { modelFolder } from '../catalog/list-models';
import { loadModel, type LoadedModel } from '../models/index';
import { dataFolders } from '../paths';

/** One model in memory: its load, how many requests use it now, and whether it has left the cache. */
interface Entry {
  loading: Promise<LoadedModel>;
  users: number;
  retired: boolean;
}

/**
 * Models the engine has in memory, by id ("shipped:NAME" / "user:NAME"). Loading takes
 * tens of milliseconds and the studio asks for the same model on every stroke, so a few are
 * kept; the least recently used leaves when a new one needs room. Every use holds the model
 * (`use`), so one that leaves the cache, or is forgotten, while a request still computes with
 * it is disposed only when its last user is done.
 */
export class LoadedModels {
  private readonly entries = new Map<string, Entry>();
  private readonly forgetListeners = new Set<(id: string) => void>();

  constructor(
    private readonly shippedRoot: string,
    private readonly userRoot: string,
    private readonly capacity = 3,
  ) {}

  static forConfig(config: { dataHome: string; resourcesDir: string }): LoadedModels {
    return new LoadedModels(join(config.resourcesDir, 'models'), dataFolders(config.dataHome).models);
  }

  folderOf(id: string): string {
    return modelFolder(id, this.shippedRoot, this.userRoot);
  }

  get roots(): { shipped: string; user: string } {
    return { shipped: this.shippedRoot, user: this.userRoot };
  }

  /**
   * Runs `work` with the loaded model, which stays alive until `work` settles. A failed load
   * is not cached, so a fixed folder can be retried.
   */
  async use<T>(id: string, work: (loaded: LoadedModel) => Promise<T> | T): Promise<T> {
    const entry = this.acquire(id);
    try {
      return await work(await entry.loading);
    } finally {
      this.release(entry);
    }
  }

  /** Counted before any await, so no eviction in between can dispose what the caller is about to use. */
  private acquire(id: string): Entry {
    let entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
    } else {
      const loading = loadModel(this.folderOf(id)).then((loaded) => this.withResolvedData(loaded));
      entry = { loading, users: 0, retired: false };
      const created = entry;
      loading.catch(() => {
        if (this.entries.get(id) === created) this.entries.delete(id);
      });
    }
    entry.users += 1;
    this.entries.set(id, entry);
    this.evict();
    return entry;
  }

  private release(entry: Entry): void {
    entry.users -= 1;
    if (entry.retired && entry.users === 0) this.dispose(entry);
  }

  /** Out of the cache: disposed now when nobody uses it, else by its last user's release. */
  private retire(entry: Entry): void {
    entry.retired = true;
    if (entry.users === 0) this.dispose(entry);
  }

  private dispose(entry: Entry): void {
    entry.loading.then(
      (loaded) => loaded.model.dispose(),
      () => undefined,
    );
  }

  /** A shipped model's data lives in the resources folder: give the engine its real path. */
  private withResolvedData(loaded: LoadedModel): LoadedModel {
    const dataset = loaded.metadata.dataset;
    if (!dataset) return loaded;
    const source = resolveResourceSource(dataset.source, dirname(this.shippedRoot));
    return { ...loaded, metadata: { ...loaded.metadata, dataset: { ...dataset, source } } };
  }

  /** Caches derived from a model (its data's codes, PCA) listen here to drop their entry too. */
  onForget(listener: (id: string) => void): () => void {
    this.forgetListeners.add(listener);
    return () => this.forgetListeners.delete(listener);
  }

  /** Forgets a model (after it was retrained, renamed or deleted): the next use loads it afresh. */
  async forget(id: string): Promise<void> {
    const entry = this.drop(id);
    await entry?.loading.catch(() => undefined);
  }

  async clear(): Promise<void> {
    for (const id of [...this.entries.keys()]) await this.forget(id);
  }

  /** Takes a model out of the cache, with what was derived from it. */
  private drop(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    for (const listener of this.forgetListeners) listener(id);
    if (entry) this.retire(entry);
    return entry;
  }

  private evict(): void {
    while (this.entries.size > this.capacity) this.drop(this.entries.keys().next().value as string);
  }
}
