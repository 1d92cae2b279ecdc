import { dirname, join } from 'node:path';
import { resolveResourceSource } from '../data/resource-source';
import { modelFolder } from '../catalog/list-models';
import { loadModel, type LoadedModel } from '../models/index';
import { dataFolders } from '../paths';

/**
 * Models the engine has in memory, by id ("shipped:NAME" / "user:NAME"). Loading takes
 * tens of milliseconds and the studio asks for the same model on every stroke, so a few are
 * kept; the least recently used is disposed when a new one needs room.
 */
export class LoadedModels {
  private readonly entries = new Map<string, Promise<LoadedModel>>();
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

  /** The loaded model; a failed load is not cached, so a fixed folder can be retried. */
  async get(id: string): Promise<LoadedModel> {
    const cached = this.entries.get(id);
    if (cached) {
      this.entries.delete(id);
      this.entries.set(id, cached);
      return cached;
    }
    const loading = loadModel(this.folderOf(id)).then((loaded) => this.withResolvedData(loaded));
    this.entries.set(id, loading);
    loading.catch(() => this.entries.delete(id));
    await this.evict();
    return loading;
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

  /** Forgets a model (after it was retrained, renamed or deleted). */
  async forget(id: string): Promise<void> {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    for (const listener of this.forgetListeners) listener(id);
    const loaded = await entry?.catch(() => undefined);
    loaded?.model.dispose();
  }

  async clear(): Promise<void> {
    for (const id of [...this.entries.keys()]) await this.forget(id);
  }

  private async evict(): Promise<void> {
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      await this.forget(oldest);
    }
  }
}
