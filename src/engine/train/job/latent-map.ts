import type { TrainingLatentMap } from '../../../shared/contract/training';
import { pca, project, type PcaResult } from '../../latent/pca';
import type { LatentCodes } from '../progress';

/**
 * Turns each epoch's validation codes into the live latent map's points. A 2-d code is its own
 * map; larger ones are projected on the principal directions of the first epoch's codes, kept
 * for the whole run, so a learner sees the clusters move because the model moved them.
 */
export class LatentMapProjector {
  private basis: PcaResult | undefined;

  constructor(
    private readonly labels: Int32Array,
    private readonly classNames: string[],
  ) {}

  map(codes: LatentCodes): TrainingLatentMap | undefined {
    const count = codes.indexes.length;
    if (count === 0) return undefined;
    const x = new Float32Array(count);
    const y = new Float32Array(count);
    const dim = codes.latentSize;
    let axes: TrainingLatentMap['axes'] = 'dims';
    if (dim <= 2) {
      for (let i = 0; i < count; i += 1) {
        x[i] = codes.values[i * dim];
        y[i] = dim === 2 ? codes.values[i * dim + 1] : 0;
      }
    } else {
      if (count < 2) return undefined;
      this.basis ??= pca(codes.values, count, dim, 2);
      const points = project(codes.values, count, this.basis);
      for (let i = 0; i < count; i += 1) {
        x[i] = points[i * 2];
        y[i] = points[i * 2 + 1];
      }
      axes = 'pca';
    }
    const labels =
      this.classNames.length === 0 ? new Int32Array(count).fill(-1) : codes.indexes.map((i) => this.labels[i]);
    return { axes, x, y, labels, classNames: this.classNames };
  }
}
