import * as tf from '@tensorflow/tfjs';
import type { LatentModel } from '../../models/types';

/**
 * A model's and an optimizer's state as plain typed arrays: what crosses from a trainer (a
 * thread or a window, each with its own tfjs) to the engine, which writes checkpoints and
 * saved models. Weights are in each part's getWeights() order, so the receiver builds the same
 * model from the config and sets them; optimizer slots are matched by order, as tfjs does.
 */
export interface WeightArrays {
  encoder: Float32Array[];
  decoder: Float32Array[];
  prior?: Float32Array[];
}

export interface NamedArray {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
}

type NamedTensor = { name: string; tensor: tf.Tensor };

export const SNAPSHOT_ERRORS = {
  mismatch: (part: string) => `the trainer's ${part} weights do not match the model built from its config`,
} as const;

const parts = (model: LatentModel) =>
  [
    ['encoder', model.encoder],
    ['decoder', model.decoder],
    ['prior', model.prior],
  ] as const;

/** Reads asynchronously: GPU backends cannot read back synchronously in every runtime. */
export async function readWeights(model: LatentModel): Promise<WeightArrays> {
  const read = (m: tf.LayersModel) => Promise.all(m.getWeights().map((w) => w.data() as Promise<Float32Array>));
  return {
    encoder: await read(model.encoder),
    decoder: await read(model.decoder),
    prior: model.prior && (await read(model.prior)),
  };
}

export function writeWeights(model: LatentModel, weights: WeightArrays): void {
  for (const [name, part] of parts(model)) {
    if (!part) continue;
    const values = weights[name];
    const current = part.getWeights();
    if (!values || values.length !== current.length || values.some((v, i) => v.length !== current[i].size)) {
      throw new Error(SNAPSHOT_ERRORS.mismatch(name));
    }
    const tensors = values.map((v, i) => tf.tensor(v, current[i].shape, 'float32'));
    part.setWeights(tensors);
    tf.dispose(tensors);
  }
}

/** The optimizer's slots and iteration count; frees the fresh `iter` scalar getWeights makes. */
export async function readOptimizer(optimizer: tf.Optimizer): Promise<NamedArray[]> {
  const weights = await optimizer.getWeights();
  const out = await namedArraysOf(weights);
  for (const w of weights) if (w.name === 'iter') w.tensor.dispose();
  return out;
}

export function namedTensors(arrays: NamedArray[]): NamedTensor[] {
  return arrays.map((a) => ({ name: a.name, tensor: tf.tensor(a.values, a.shape, a.dtype) }));
}

/** Restores an optimizer's slots; setWeights copies them, so the tensors made here are freed. */
export async function writeOptimizer(optimizer: tf.Optimizer, arrays: NamedArray[]): Promise<void> {
  const named = namedTensors(arrays);
  try {
    await optimizer.setWeights(named);
  } finally {
    tf.dispose(named.map((n) => n.tensor));
  }
}

export async function namedArraysOf(named: NamedTensor[]): Promise<NamedArray[]> {
  return Promise.all(
    named.map(async (n) => ({
      name: n.name,
      shape: n.tensor.shape.slice(),
      dtype: n.tensor.dtype === 'int32' ? ('int32' as const) : ('float32' as const),
      values: (await n.tensor.data()) as Float32Array | Int32Array,
    })),
  );
}
