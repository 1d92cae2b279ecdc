/**
 * What every feature's handlers share: a leaf module of types, so handlers, jobs and the
 * runtime import it and nothing imports them back.
 */
import type { EventName, EventPayload } from '../shared/contract/index';
import type { EngineConfig } from '../shared/engine-protocol';
import type { BackendReport } from '../shared/types/backend';
import type { DatasetStore } from './data/store/dataset-store';
import type { LoadedModels } from './runtime/loaded-models';
import type { StudioRuntime } from './runtime/studio-runtime';
import type { TrainerProvider } from './train/trainer/providers';

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface EngineContext {
  config: EngineConfig;
  backend: BackendReport;
  emit: Emit;
  /** The data home's imported datasets: one store for every feature, so they see the same folder. */
  datasets: DatasetStore;
  /** Models in memory, shared by every feature's handlers. */
  models: LoadedModels;
  /** What the studio derives from loaded models (samples, codes, axes) and the concept store. */
  runtime: StudioRuntime;
  /** Where training runs go (threads, or a trainer window in the desktop app). */
  trainers: TrainerProvider;
}
