/**
 * A run's progress, described once: the trainer sends these to the engine (over the trainer
 * protocol, or as the hooks of an in-process run), and the engine forwards them to the studio as
 * `training:progress` events with the run's id. Plain data only, so it crosses a process as is.
 */

/** Sent after every batch. */
export interface BatchProgress {
  type: 'batch';
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  /** Optimiser steps since the start of training (continues across resume). */
  step: number;
  loss: number;
  reconstruction: number;
  kl: number;
  samplesPerSecond: number;
  etaSeconds: number;
}

/** One epoch's losses: what a checkpoint and a saved model's history keep. */
export interface EpochSummary {
  epoch: number;
  trainLoss: number;
  trainReconstruction: number;
  trainKl: number;
  validationLoss: number;
  validationReconstruction: number;
  validationKl: number;
  seconds: number;
  samplesPerSecond: number;
}

/** A few fixed validation drawings and what the model makes of them now, as [0, 1] pixels. */
export interface SamplePictures {
  imageSize: number;
  originals: Float32Array[];
  reconstructions: Float32Array[];
}

/** Mean codes of some validation drawings: count × latentSize values. */
export interface LatentCodes {
  /** Indexes into the training data's images (and labels). */
  indexes: Int32Array;
  latentSize: number;
  values: Float32Array;
}

/** Sent after every epoch. */
export interface EpochProgress extends EpochSummary, SamplePictures {
  type: 'epoch';
  epochs: number;
  etaSeconds: number;
  /** The validation codes the engine turns into the live latent map. */
  codes: LatentCodes;
}

export type TrainProgress = BatchProgress | EpochProgress;

/**
 * Up to a few hundred validation drawings' mean codes, in 2-d: the code itself for a 2-d
 * latent, else its projection on the first epoch's two principal directions (fixed for the
 * run, so the picture moves only because the model does).
 */
export interface TrainingLatentMap {
  axes: 'dims' | 'pca';
  x: Float32Array;
  y: Float32Array;
  /** Class index of each point into classNames; -1 where the data has no labels. */
  labels: Int32Array;
  classNames: string[];
}

export type TrainingBatchEvent = BatchProgress & { runId: string };

/** An epoch as the studio sees it: the codes arrive as the map the engine made of them. */
export type TrainingEpochEvent = Omit<EpochProgress, 'codes'> & {
  runId: string;
  /** Validation codes after this epoch, for the live latent map. */
  latentMap?: TrainingLatentMap;
};

export type TrainingProgressEvent =
  TrainingBatchEvent | TrainingEpochEvent | { runId: string; type: 'loading'; message: string };
