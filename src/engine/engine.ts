import { channels, isChannelName, isEngineChannel, SchemaError } from '../shared/contract/index';
import type { EngineChannelName } from '../shared/contract/index';
import { toErrorInfo, type Envelope } from '../shared/contract/envelope';
import type { EngineConfig } from '../shared/engine-protocol';
import type { BackendReport } from '../shared/types/backend';
import { selectBackend } from './backend/select';
import { DatasetStore } from './data/store/dataset-store';
import { explainFsError } from './fs-errors';
import { dataFolders } from './paths';
import { LoadedModels } from './runtime/loaded-models';
import { threadTrainers, type TrainerProvider } from './train/trainer/providers';
import type { Emit, EngineContext } from './context';
import { createHandlers } from './handlers/index';
import { StudioRuntime } from './runtime/studio-runtime';

export interface Engine {
  backend: BackendReport;
  handle(channel: unknown, payload: unknown): Promise<Envelope<unknown>>;
}

export const ENGINE_ERRORS = {
  unknownChannel: (name: string) => `the engine has no channel "${name}"`,
} as const;

/** Chooses the backend, then answers requests. Host-agnostic: tests run it in-process. */
export async function startEngine(
  config: EngineConfig,
  emit: Emit,
  trainers: TrainerProvider = threadTrainers(config.wasmDir),
): Promise<Engine> {
  const backend = await selectBackend({
    only: config.backend,
    wasmDir: config.wasmDir,
    installedApp: config.installedApp,
  });
  const models = LoadedModels.forConfig(config);
  const datasets = new DatasetStore(dataFolders(config.dataHome).datasets);
  const runtime = new StudioRuntime(config.dataHome, models, datasets);
  const context: EngineContext = { config, backend, emit, datasets, models, runtime, trainers };
  const handlers = await createHandlers(context);

  async function handle(channel: unknown, payload: unknown): Promise<Envelope<unknown>> {
    if (!isChannelName(channel) || !isEngineChannel(channel)) {
      return { ok: false, error: { message: ENGINE_ERRORS.unknownChannel(String(channel)), code: 'unknown-channel' } };
    }
    try {
      // Checked again here although the host checked it: the engine trusts no caller.
      const request = channels[channel].request.parse(payload);
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(request) };
    } catch (error) {
      const code = error instanceof SchemaError ? 'invalid-request' : 'failed';
      return { ok: false, error: toErrorInfo(explainFsError(error), code) };
    }
  }

  return { backend, handle };
}

export type { EngineChannelName };
