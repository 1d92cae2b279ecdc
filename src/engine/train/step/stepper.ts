import * as tf from '@tensorflow/tfjs';
import type { TrainingData } from '../../data/training-data.types';
import type { LatentModel } from '../../models/types';
import { batchTensors, disposeBatch, gatherBytes, gatherLabels, oneHotRows, type BatchTensors } from './batches';
import type { GradientReply, GradientRequest } from '../parallel/protocol';
import type { StepLosses } from '../run/metrics';
import { stepLoss } from './loss';

/** One optimizer step over a batch of drawings, however many threads compute it. */
export interface Stepper {
  step(indexes: Int32Array, epsSeed: number, noiseSeed: number | undefined): Promise<StepLosses>;
  dispose(): Promise<void>;
}

/** A second thread that computes the gradients of part of a batch (see parallel/helper.ts). */
export interface RemoteGradients {
  step(request: Omit<GradientRequest, 'kind'>): Promise<Extract<GradientReply, { kind: 'grads' }>>;
  dispose(): Promise<void>;
}

export interface StepContext {
  model: LatentModel;
  variables: tf.Variable[];
  optimizer: tf.Optimizer;
  data: TrainingData;
  numClasses: number;
  beta: number;
}

/** The batch's objective; its reconstruction and KL terms are kept for progress. */
function objective(ctx: StepContext, batch: BatchTensors, epsSeed: number, noiseSeed: number | undefined) {
  const terms: { parts?: tf.Tensor1D } = {};
  const f = (): tf.Scalar => {
    const loss = stepLoss(ctx.model, {
      images: batch.images,
      oneHot: batch.oneHot,
      epsSeed,
      noiseSeed,
      beta: ctx.beta,
    });
    terms.parts = loss.parts;
    return loss.total;
  };
  return { f, terms };
}

async function readParts(parts: tf.Tensor1D | undefined): Promise<[number, number]> {
  if (!parts) return [NaN, NaN];
  const [rec, kl] = Array.from(await parts.data());
  parts.dispose();
  return [rec, kl];
}

/** The whole batch on this thread. */
export function singleStepper(ctx: StepContext): Stepper {
  return {
    async step(indexes, epsSeed, noiseSeed) {
      const batch = batchTensors(ctx.data, indexes, ctx.numClasses);
      const { f, terms } = objective(ctx, batch, epsSeed, noiseSeed);
      const cost = ctx.optimizer.minimize(f, true, ctx.variables);
      disposeBatch(batch);
      const [loss] = cost ? Array.from(await cost.data()) : [NaN];
      cost?.dispose();
      const [rec, kl] = await readParts(terms.parts);
      return { loss, rec, kl };
    },
    dispose: async () => {},
  };
}

// The halves need independent noise; the offsets keep both streams seeded.
const nextSeed = (seed: number) => (seed + 1) % 2_147_483_647;

/**
 * Data-parallel: the helper takes the second half of the batch with the current weights while
 * this thread computes the first; the gradients are averaged by share. Batches of one drawing
 * run on this thread alone.
 */
export function parallelStepper(ctx: StepContext, helper: RemoteGradients): Stepper {
  const single = singleStepper(ctx);
  return {
    async step(indexes, epsSeed, noiseSeed) {
      if (indexes.length < 2) return single.step(indexes, epsSeed, noiseSeed);
      const { data, numClasses, variables } = ctx;
      const half = Math.ceil(indexes.length / 2);
      const mine = indexes.subarray(0, half);
      const theirs = indexes.subarray(half);
      const weights = await Promise.all(variables.map((v) => v.data() as Promise<Float32Array>));
      const remote = helper.step({
        weights,
        images: gatherBytes(data, theirs),
        oneHot: numClasses ? oneHotRows(gatherLabels(data, theirs), numClasses) : undefined,
        count: theirs.length,
        epsSeed: nextSeed(epsSeed),
        noiseSeed: noiseSeed === undefined ? undefined : nextSeed(noiseSeed),
        beta: ctx.beta,
      });
      const batch = batchTensors(data, mine, numClasses);
      const { f, terms } = objective(ctx, batch, epsSeed, noiseSeed);
      const { value, grads } = tf.variableGrads(f, variables);
      disposeBatch(batch);
      const other = await remote;
      const a = mine.length / indexes.length;
      const averaged = tf.tidy(() => {
        const out: tf.NamedTensorMap = {};
        variables.forEach((v, i) => {
          out[v.name] = tf.add(tf.mul(grads[v.name], a), tf.mul(tf.tensor(other.grads[i], v.shape), 1 - a));
        });
        return out;
      });
      ctx.optimizer.applyGradients(averaged);
      const [mineLoss] = Array.from(await value.data());
      const [mineRec, mineKl] = await readParts(terms.parts);
      tf.dispose([value, ...Object.values(grads), ...Object.values(averaged)]);
      return {
        loss: a * mineLoss + (1 - a) * other.loss,
        rec: a * mineRec + (1 - a) * other.reconstruction,
        kl: a * mineKl + (1 - a) * other.kl,
      };
    },
    dispose: () => helper.dispose(),
  };
}
