import type { TrainingData } from '../../src/engine/data/training-data.types';
import { buildModel, defaultConfig } from '../../src/engine/models/build';
import type { ModelKind } from '../../src/engine/models/types';
import { GradientHelper } from '../../src/engine/train/gradient-helper';
import { makeOptimizer } from '../../src/engine/train/optimizer';
import { parallelStepper, singleStepper, type Stepper } from '../../src/engine/train/step';
import { trainableVariables } from '../../src/engine/train/step-loss';
import type { BackendName } from '../../src/shared/types/backend';

export interface EngineTrainer {
  /** One optimizer step of the engine's own stepper (the one training runs use), losses read back. */
  step(): Promise<void>;
  /** Threads that computed each step: 2 asked for may be 1 where the worker cannot start. */
  workers: number;
  dispose(): Promise<void>;
}

/** Binary sketches: throughput depends on shapes only, not on the pixels. */
function syntheticData(imageSize: number, count: number): TrainingData {
  const px = imageSize * imageSize;
  const images = new Float32Array(count * px);
  let s = 1;
  for (let i = 0; i < images.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    images[i] = s / 2 ** 32 > 0.8 ? 1 : 0;
  }
  const all = Int32Array.from({ length: count }, (_, i) => i);
  return {
    source: 'bench',
    recipe: imageSize === 32 ? 'cookbook32' : 'mnist28',
    imageSize,
    count,
    images,
    labels: new Int32Array(count),
    classNames: ['sketch'],
    trainIndex: all,
    validationIndex: new Int32Array(0),
  };
}

/** The engine's stepper on `workers` threads over synthetic batches of `batch` drawings. */
export async function makeEngineTrainer(
  kind: ModelKind,
  batch: number,
  workers: number,
  backend: BackendName,
): Promise<EngineTrainer> {
  const model = buildModel(defaultConfig(kind));
  const data = syntheticData(model.config.imageSize, 4 * batch);
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
