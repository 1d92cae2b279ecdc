import * as tf from '@tensorflow/tfjs';
import { FUSED_ADAM, type AdamStepAttrs } from '../../backend/kernels/adam';

/** What tfjs's optimizers exchange in getWeights/setWeights. */
type NamedTensor = { name: string; tensor: tf.Tensor };

interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/**
 * Adam whose update of every variable is one kernel call (src/engine/backend/kernels/adam.ts)
 * instead of about a dozen tfjs ops per variable. Its slots, their names and order, and what
 * getWeights/setWeights exchange are those of tfjs's AdamOptimizer, so checkpoints written by
 * either resume in the other. Only made where the backend has the kernel (see optimizer.ts).
 */
export class FusedAdamOptimizer extends tf.Optimizer {
  static get className(): string {
    return 'Adam';
  }

  private first: Slot[] = [];
  private second: Slot[] = [];

  constructor(
    private readonly learningRate: number,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly epsilon: number,
  ) {
    super();
  }

  applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((v) => v.name)
      : Object.keys(variableGradients);
    // β^t of this step; tfjs's Adam keeps the same product, restarted as β^(iter+1) on setWeights.
    const t = this.iterations + 1;
    tf.tidy(() => {
      const inputs: tf.NamedTensorMap = {};
      const updated: Array<{ value: tf.Variable; m: tf.Variable; v: tf.Variable }> = [];
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        this.first[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        this.second[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
        if (gradient == null) return;
        const k = updated.length;
        const m = this.first[i].variable;
        const v = this.second[i].variable;
        Object.assign(inputs, { [`w${k}`]: value, [`g${k}`]: gradient, [`m${k}`]: m, [`v${k}`]: v });
        updated.push({ value, m, v });
      });
      if (updated.length === 0) return;
      const attrs: AdamStepAttrs = {
        count: updated.length,
        learningRate: this.learningRate,
        beta1: this.beta1,
        beta2: this.beta2,
        epsilon: this.epsilon,
        beta1Power: this.beta1 ** t,
        beta2Power: this.beta2 ** t,
      };
      const outs = tf
        .engine()
        .runKernel(FUSED_ADAM, inputs, attrs as unknown as tf.NamedAttrMap) as unknown as tf.Tensor[];
      updated.forEach(({ value, m, v }, k) => {
        value.assign(outs[3 * k]);
        m.assign(outs[3 * k + 1]);
        v.assign(outs[3 * k + 2]);
      });
    });
    this.incrementIterations();
  }

  override dispose(): void {
    tf.dispose([...this.first, ...this.second].map((s) => s.variable));
  }

  override async getWeights(): Promise<NamedTensor[]> {
    const slots = [...this.first, ...this.second];
    return [await this.saveIterations(), ...slots.map((s) => ({ name: s.originalName, tensor: s.variable }))];
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const values = await this.extractIterations(weightValues);
    const half = values.length / 2;
    const slot = (v: NamedTensor): Slot => ({ originalName: v.name, variable: v.tensor.variable(false) });
    this.first = values.slice(0, half).map(slot);
    this.second = values.slice(half, 2 * half).map(slot);
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
