import type { TrainingData } from '../../data/training-data.types';
import type { ToTrainer } from './protocol';

/**
 * The most training data one run sends to the GPU trainer window. The start message is copied
 * whole when the engine posts it, in transit and into the page, and a renderer that runs out of
 * memory takes the run with it; 256 MiB is some 340,000 drawings at 28×28 (a whole Quick, Draw!
 * category) as bytes.
 */
export const WINDOW_DATA_CAP_BYTES = 256 * 1024 * 1024;

const MIB = 1024 * 1024;

export const WINDOW_PAYLOAD_ERRORS = {
  tooBig: (bytes: number, cap: number, drawingsThatFit: number) =>
    `the training data is ${Math.ceil(bytes / MIB)} MB, more than the ${cap / MIB} MB the GPU trainer window takes: ` +
    `train on at most ${drawingsThatFit.toLocaleString('en-US')} drawings (set a limit), or on a CPU backend`,
} as const;

/** Bytes of a run's data in its start message: pixels, labels and the split's indexes. */
export function dataBytes(data: TrainingData): number {
  return data.images.byteLength + data.labels.byteLength + data.trainIndex.byteLength + data.validationIndex.byteLength;
}

/** The message as is, unless it is a start whose data is over the window's cap (then a clear error). */
export function checkWindowPayload(message: ToTrainer): ToTrainer {
  if (message.type !== 'start') return message;
  const bytes = dataBytes(message.data);
  if (bytes <= WINDOW_DATA_CAP_BYTES) return message;
  const perDrawing = bytes / Math.max(1, message.data.count);
  throw new Error(
    WINDOW_PAYLOAD_ERRORS.tooBig(bytes, WINDOW_DATA_CAP_BYTES, Math.floor(WINDOW_DATA_CAP_BYTES / perDrawing)),
  );
}
