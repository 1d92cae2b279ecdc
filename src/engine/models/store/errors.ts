/** Replacing a folder removes it whole: only these are replaced, so a person's files never are. */
const SAVED_ONLY_TO = 'a model is saved only to a new path, an empty folder or a model folder saved earlier';

/** Constant messages; the thrown Error appends the path of the file at fault. */
export const STORE_ERRORS = {
  notAFolder: 'model folder not found',
  missingFile: 'model folder is missing a file',
  badJson: 'model file is not valid JSON',
  notOurs: 'not a LatentDraw model (latentdraw.json is missing its format or has unknown fields)',
  newerFormat: 'model was saved by a newer LatentDraw; update the app to open it',
  notLayersModel: 'model part is not a tfjs layers model',
  weightsSize: 'model weights file has the wrong size',
  partMismatch: 'model part does not match latentdraw.json',
  saveFailed: 'could not save the model',
  outsideFolder: 'model file path leaves the model folder',
  notRegularFile: 'model file is not a regular file (a link, folder, device or pipe)',
  fileTooLarge: 'model file is larger than a model file can be',
  badWeightSpec: 'model weights manifest is not valid (a name, shape, dtype, quantization or repeated path)',
  tooLarge: 'model declares more weights than LatentDraw loads',
  unknownTopology: 'model part has a layer or shape LatentDraw cannot check',
  metadataMismatch: 'latentdraw.json does not match the model parts (kind, classes or sizes)',
  targetIsFile: `${SAVED_ONLY_TO}; this is a file, and it is left as it is`,
  targetIsLink: `${SAVED_ONLY_TO} (not a link: give the folder it points to); this link is left as it is`,
  targetNotModel: `${SAVED_ONLY_TO}; this folder holds other things, and it is left as it is`,
  targetHasOtherFiles: `${SAVED_ONLY_TO}, holding only what a model save writes; this is something else (move it out first), and the folder is left as it is`,
  targetUnreadable: 'cannot read what is at the path a model would be saved to, so nothing is replaced',
} as const;

export function storeError(message: string, path: string, cause?: unknown): Error {
  return new Error(`${message}: ${path}`, cause === undefined ? undefined : { cause });
}
