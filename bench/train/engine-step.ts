import { buildModel, defaultConfig } from '../../src/engine/models/build';
import type { ModelKind } from '../../src/engine/models/types';
import { GradientHelper } from '../../src/engine/train/parallel/helper';
import { makeOptimizer } from '../../src/engine/train/step/optimizer';
import { parallelStepper, singleStepper, type Stepper } from '../../src/engine/train/step/stepper';
import { trainableVariables } from '../../src/engine/train/step/loss';
import type { BackendName } from '../../src/shared/types/backend';
import { benchDrawings } from './drawings';

export interface EngineTrainer {
  /** One optimizer step of the engine's own stepper (the one training runs use), losses read back. */
  step(): Promise<void>;
  /** Threads that computed each step: 2 asked for may be 1 where the worker cannot start. */
  workers: number;
  dispose(): Promise<void>;
}

/** The engine's stepper on `workers` threads over batches of `batch` drawings. */
export async function makeEngineTrainer(
  kind: ModelKind,
  batch: number,
  workers: number,
  backend: BackendName,
): Promise<EngineTrainer> {
  const model = buildModel(defaultConfig(kind));
  const data = await benchDrawings(model.config.imageSize, 4 * batch);
  const ctx = {
    model,
    variables: trainableVariables(model),
    optimizer: makeOptimizer('adam', 1e-3),
    data,
    numClasses: 0,
    beta: 1,
  };
  const helper = workers > 1 ? await GradientHelper.start(model.config, backend) : undefined;
  const stepper: Stepper = helper ? parallelStepper(ctx, helper) : singleStepper(ctx);
  let n = 0;
  return {
    workers: helper ? 2 : 1,
    async step() {
      const start = (n++ % 4) * batch;
      await stepper.step(data.trainIndex.subarray(start, start + batch), n, undefined);
    },
    async dispose() {
      await stepper.dispose();
      ctx.optimizer.dispose();
      model.dispose();
    },
  };
}
