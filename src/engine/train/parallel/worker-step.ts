import * as tf from '@tensorflow/tfjs';
import { bytesToUnit } from '../../data/raster/pixel-bytes';
import type { LatentModel } from '../../models/types';
import type { GradientReply, GradientRequest } from './protocol';
import { stepLoss } from '../step/loss';

/**
 * The helper thread's step: takes the current weights into its copy of the model, turns its half
 * of the batch from bytes into [0, 1] floats, and returns that half's gradients and losses.
 * Nothing it makes outlives the call.
 */
export function helperGradients(
  model: LatentModel,
  variables: tf.Variable[],
  request: GradientRequest,
): Extract<GradientReply, { kind: 'grads' }> {
  // In a tidy: an assigned tensor shares its data with the variable, and one never disposed
  // kept every step's weights alive (megabytes a step, gigabytes an epoch).
  tf.tidy(() => variables.forEach((v, i) => v.assign(tf.tensor(request.weights[i], v.shape, 'float32'))));
  const images = tf.tensor2d(bytesToUnit(request.images), [request.count, request.images.length / request.count]);
  const oneHot = request.oneHot
    ? tf.tensor2d(request.oneHot, [request.count, request.oneHot.length / request.count])
    : undefined;
  let parts: tf.Tensor1D | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const loss = stepLoss(model, {
      images,
      oneHot,
      epsSeed: request.epsSeed,
      noiseSeed: request.noiseSeed,
      beta: request.beta,
    });
    parts = loss.parts;
    return loss.total;
  }, variables);
  const out = variables.map((v) => grads[v.name].dataSync() as Float32Array);
  const [reconstruction, kl] = Array.from(parts!.dataSync());
  const loss = value.dataSync()[0];
  tf.dispose([value, parts!, images, ...(oneHot ? [oneHot] : []), ...Object.values(grads)]);
  return { kind: 'grads', grads: out, loss, reconstruction, kl };
}
