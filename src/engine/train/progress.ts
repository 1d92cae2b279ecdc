import type { SamplePictures } from '../../shared/contract/training-progress';

// Progress is described once, in the contract: what a trainer sends is what the studio is sent.
export type {
  BatchProgress,
  EpochProgress,
  EpochSummary,
  LatentCodes,
  SamplePictures,
  TrainProgress,
} from '../../shared/contract/training-progress';

/** The sample pictures with the drawings they show: indexes into the training data's images. */
export interface ReconstructionSample extends SamplePictures {
  indexes: number[];
}
