import { join } from 'node:path';
import { dataFolders } from '../paths';
import type { LatentSpace } from '../../shared/types/latent';
import type { DatasetStore } from '../data/store/dataset-store';
import type { LoadedModels } from './loaded-models';
import { ConceptStore } from './concept-store';
import { computeLatentSpace, sampleCodes, type SampleCodes } from './latent-space';
import { loadModelSamples, type ModelSamples } from './model-samples';

/**
 * What the studio derives from a loaded model and keeps: a few hundred items of its data, their
 * codes, and the slider axes (PCA). Computed once per model, dropped when the model is forgotten.
 */
export class StudioRuntime {
  readonly concepts: ConceptStore;
  private readonly samples = new Map<string, Promise<ModelSamples | undefined>>();
  private readonly codes = new Map<string, Promise<SampleCodes>>();
  private readonly spaces = new Map<string, Promise<LatentSpace>>();

  constructor(
    dataHome: string,
    private readonly models: LoadedModels,
    private readonly datasets: DatasetStore,
  ) {
    const folders = dataFolders(dataHome);
    this.concepts = new ConceptStore(join(folders.home, 'concepts'));
    models.onForget((id) => this.drop(id));
  }

  samplesOf(modelId: string): Promise<ModelSamples | undefined> {
    return this.memo(this.samples, modelId, async () =>
      this.models.use(modelId, (loaded) => loadModelSamples(loaded, this.datasets)),
    );
  }

  codesOf(modelId: string, label?: number): Promise<SampleCodes> {
    return this.memo(this.codes, `${modelId}|${label ?? ''}`, async () =>
      this.models.use(modelId, async (loaded) => sampleCodes(loaded, await this.samplesOf(modelId), label)),
    );
  }

  spaceOf(modelId: string, label?: number): Promise<LatentSpace> {
    return this.memo(this.spaces, `${modelId}|${label ?? ''}`, async () =>
      this.models.use(modelId, async (loaded) => computeLatentSpace(loaded, await this.codesOf(modelId, label), label)),
    );
  }

  private memo<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    let entry = map.get(key);
    if (!entry) {
      entry = make();
      map.set(key, entry);
      // A failure is not cached: the person may import the data and try again.
      entry.catch(() => map.delete(key));
    }
    return entry;
  }

  private drop(modelId: string): void {
    this.samples.delete(modelId);
    for (const map of [this.codes, this.spaces]) {
      for (const key of [...map.keys()]) if (key.startsWith(`${modelId}|`)) map.delete(key);
    }
  }
}
