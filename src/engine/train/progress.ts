/** Sent after every batch. Plain data only, so it can cross a process boundary as is. */
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

/** A few fixed validation drawings and what the model makes of them now. */
export interface ReconstructionSample {
  /** Indexes into the training data's images. */
  indexes: number[];
  imageSize: number;
  originals: Float32Array[];
  reconstructions: Float32Array[];
}

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

/** Mean codes of some validation drawings: count × latentSize values. */
export interface LatentCodes {
  /** Indexes into the training data's images (and labels). */
  indexes: Int32Array;
  latentSize: number;
  values: Float32Array;
}

/** Sent after every epoch. */
export interface EpochProgress extends EpochSummary {
  type: 'epoch';
  epochs: number;
  etaSeconds: number;
  reconstructions: ReconstructionSample;
  codes: LatentCodes;
}

export type TrainProgress = BatchProgress | EpochProgress;
