/**
 * A second training thread: it holds a copy of the model, and for each step receives the
 * current weights and its half of the batch, and returns that half's gradients. The main
 * thread averages them with its own and applies the optimizer (data-parallel training).
 */
import * as tf from '@tensorflow/tfjs';
import { parentPort } from 'node:worker_threads';
import { selectBackend } from '../backend/select';
import { buildModel } from '../models/build';
import type { LatentModel } from '../models/types';
import type { GradientRequest, GradientReply, WorkerInit } from './gradient-protocol';
import { stepLoss, trainableVariables } from './step-loss';
import { lowerThreadPriority } from './thread-priority';

let model: LatentModel | undefined;
let variables: tf.Variable[] = [];

function step(request: GradientRequest): Extract<GradientReply, { kind: 'grads' }> {
  variables.forEach((v, i) => v.assign(tf.tensor(request.weights[i], v.shape, 'float32')));
  const images = tf.tensor2d(request.images, [request.count, request.images.length / request.count]);
  const oneHot = request.oneHot
    ? tf.tensor2d(request.oneHot, [request.count, request.oneHot.length / request.count])
    : undefined;
  let parts: tf.Tensor1D | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const loss = stepLoss(model!, {
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

parentPort?.on('message', (message: WorkerInit | GradientRequest) => {
  void (async () => {
    try {
      if (message.kind === 'init') {
        // Half of each batch waits on this thread: below its caller's priority it would be
        // starved on a busy machine and hold back every step (the trainer thread is already niced).
        lowerThreadPriority(message.nice);
        await selectBackend({ only: message.backend });
        model = buildModel(message.config);
        variables = trainableVariables(model);
        parentPort?.postMessage({ kind: 'ready' });
        return;
      }
      const reply = step(message);
      parentPort?.postMessage(
        reply,
        reply.grads.map((g) => g.buffer as ArrayBuffer),
      );
    } catch (error) {
      parentPort?.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
