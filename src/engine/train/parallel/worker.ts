/**
 * A second training thread: it holds a copy of the model, and for each step receives the
 * current weights and its half of the batch, and returns that half's gradients. The main
 * thread averages them with its own and applies the optimizer (data-parallel training).
 */
import type * as tf from '@tensorflow/tfjs';
import { parentPort } from 'node:worker_threads';
import { selectBackend } from '../../backend/select';
import { buildModel } from '../../models/build';
import type { LatentModel } from '../../models/types';
import type { GradientRequest, WorkerInit } from './protocol';
import { helperGradients } from './worker-step';
import { trainableVariables } from '../step/loss';
import { lowerThreadPriority } from '../thread-priority';

let model: LatentModel | undefined;
let variables: tf.Variable[] = [];

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
      const reply = helperGradients(model!, variables, message);
      parentPort?.postMessage(
        reply,
        reply.grads.map((g) => g.buffer as ArrayBuffer),
      );
    } catch (error) {
      parentPort?.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
