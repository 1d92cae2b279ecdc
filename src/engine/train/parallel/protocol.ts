import type { BackendName } from '../../../shared/types/backend';
import type { ModelConfig } from '../../models/types';

export interface WorkerInit {
  kind: 'init';
  config: ModelConfig;
  backend: BackendName;
  /** The starting thread's nice value: the helper runs at its caller's priority, no lower. */
  nice: number;
}

export interface GradientRequest {
  kind: 'step';
  /** The trainable variables' values, in trainableVariables() order. */
  weights: Float32Array[];
  /** count × pixels, ink 0–255: a quarter of floats on the wire; the helper makes them floats. */
  images: Uint8Array;
  /** count × classes (conditional models). */
  oneHot?: Float32Array;
  count: number;
  epsSeed: number;
  noiseSeed?: number;
  beta: number;
}

export type GradientReply =
  | { kind: 'grads'; grads: Float32Array[]; loss: number; reconstruction: number; kl: number }
  | { kind: 'ready' }
  | { kind: 'failed'; message: string };
