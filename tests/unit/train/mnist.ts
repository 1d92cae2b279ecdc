import { loadTrainingData } from '../../../src/engine/data/training-data';
import type { TrainingData } from '../../../src/engine/data/training-data.types';
import { sharedData } from '../../helpers/shared-data';

/** The first `limit` MNIST t10k digits (needs ../shared/data). */
export function mnist(limit: number, validationShare = 0.2): Promise<TrainingData> {
  return loadTrainingData(sharedData('mnist/t10k-images-idx3-ubyte.gz'), 'quickdraw28', {
    limit,
    validationShare,
    seed: 1,
  });
}
