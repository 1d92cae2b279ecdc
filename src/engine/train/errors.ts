export const TRAIN_ERRORS = {
  diverged:
    'training diverged: the loss became NaN, infinite or exploded; the last good checkpoint was kept (try a lower learning rate)',
  noData: 'training needs at least one training drawing',
  imageSize: 'the data image size does not match the model (conv-ae needs cookbook32, 32×32)',
  needsLabels: 'conditional models need labelled data with at least 2 classes',
  badCheckpoint: 'checkpoint folder is damaged or missing',
  checkpointMismatch: 'checkpoint was made for another model kind or data size',
} as const;
