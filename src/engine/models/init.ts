import * as tf from '@tensorflow/tfjs';

/**
 * Hands out one seeded Glorot initialiser per layer, so the same config builds the same
 * weights (tfjs layers otherwise seed from Math.random).
 */
export class SeededInit {
  private next: number;

  constructor(seed: number) {
    this.next = (seed >>> 0) * 1000 + 1;
  }

  kernel(): ReturnType<typeof tf.initializers.glorotUniform> {
    this.next += 1;
    return tf.initializers.glorotUniform({ seed: this.next });
  }
}

export function dense(
  init: SeededInit,
  name: string,
  units: number,
  activation?: 'relu' | 'sigmoid' | 'linear',
): tf.layers.Layer {
  return tf.layers.dense({
    name,
    units,
    activation: activation ?? 'linear',
    kernelInitializer: init.kernel(),
  });
}
