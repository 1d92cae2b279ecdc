/** One batch's loss terms, as a step reports them. */
export interface StepLosses {
  loss: number;
  rec: number;
  kl: number;
}

/** Sample-weighted running means of the loss terms over one epoch (keras' `Mean` trackers). */
export class EpochMeans {
  private seen = 0;
  private loss = 0;
  private rec = 0;
  private kl = 0;

  add(count: number, step: StepLosses): void {
    this.seen += count;
    this.loss += step.loss * count;
    this.rec += step.rec * count;
    this.kl += step.kl * count;
  }

  get count(): number {
    return this.seen;
  }

  means(): StepLosses {
    const n = Math.max(this.seen, 1);
    return { loss: this.loss / n, rec: this.rec / n, kl: this.kl / n };
  }
}

/** Throughput and time left of a run, from the samples done since it (re)started. */
export class RunClock {
  private readonly startedAt = performance.now();

  constructor(
    /** Samples the whole run still had to do when it (re)started. */
    private readonly totalSamples: number,
  ) {}

  rate(done: number): number {
    return done / Math.max((performance.now() - this.startedAt) / 1000, 1e-6);
  }

  etaSeconds(done: number): number {
    return (this.totalSamples - done) / Math.max(this.rate(done), 1e-6);
  }
}
