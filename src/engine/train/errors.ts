export const TRAIN_ERRORS = {
  diverged:
    'training diverged: the loss became NaN, infinite or exploded; the last good checkpoint was kept (try a lower learning rate)',
  noData: 'training needs at least one training drawing',
  imageSize: (kind: string, multiple: number) =>
    `the data image size does not match the model (${kind} needs a side divisible by ${multiple}, as cookbook32's 32×32 is)`,
  needsLabels: 'conditional models need labelled data with at least 2 classes',
  badCheckpoint: 'checkpoint folder is damaged or missing',
  resumeMismatch: (dir: string, differences: string) =>
    `the checkpoint in ${dir} belongs to another run (${differences}); resume with that run's model, data and settings, or train afresh without resuming`,
  resumeUnrecorded: (dir: string) =>
    `the checkpoint in ${dir} does not record its model, data and settings (an earlier version wrote it), so it cannot be resumed safely; train afresh without resuming`,
} as const;
