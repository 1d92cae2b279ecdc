/**
 * Every message the data layer reports. Tests assert on these, so they are the contract;
 * keep them stable and parameterised here rather than spelled out at call sites.
 */
export const DataErrors = {
  emptyFile: 'the file is empty',
  unknownFormat: 'not a recognised data file (expected Quick, Draw! .bin or .ndjson, .npy bitmaps or IDX)',
  corruptGzip: 'the gzip stream is corrupt or cut off',
  gzipBomb: (ratio: number) =>
    `the gzip stream expands more than ${ratio}× (no data file compresses that well): reading stopped here`,
  truncatedRecord: (needed: number, available: number) =>
    `record cut off: needs at least ${needed} bytes, only ${available} left before the end of the file`,
  strokePastEnd: (stroke: number, points: number) =>
    `record cut off: stroke ${stroke} claims ${points} points, which runs past the end of the file`,
  badCountryCode: 'country code is not two printable ASCII characters',
  badRecognized: (value: number) => `recognized flag must be 0 or 1, found ${value}`,
  ndjsonNotJson: 'line is not valid JSON',
  ndjsonNoDrawing: 'line has no "drawing" array',
  ndjsonBadStroke: (stroke: number) => `stroke ${stroke} is not [[x…],[y…]] (or [[x…],[y…],[t…]]) of equal lengths`,
  npyBadMagic: 'not a .npy file (bad magic)',
  npyBadHeader: 'the .npy header cannot be read',
  npyDtype: (descr: string) => `.npy dtype ${descr} is not supported: expected uint8 ('|u1')`,
  npyShape: (shape: string) => `.npy shape ${shape} is not supported: expected (N, 784) or (N, 1, 784)`,
  npyFortran: '.npy arrays in Fortran order are not supported',
  npyTruncated: (rows: number, expected: number) => `.npy data ends after ${rows} of ${expected} rows`,
  npyTrailing: (bytes: number) => `.npy has ${bytes} bytes after the last row`,
  idxBadMagic: (magic: number) =>
    `IDX magic 0x${magic.toString(16).padStart(8, '0')} is not uint8 images (0x00000803) or labels (0x00000801)`,
  idxTruncated: (items: number, expected: number) => `IDX data ends after ${items} of ${expected} items`,
  idxTrailing: (bytes: number) => `IDX has ${bytes} bytes after the last item`,
  notImages: (format: string) => `expected drawings or images, found ${format}`,
  labelsMismatch: (images: number, labels: number) =>
    `${images} images but ${labels} labels: images without a label are left out`,
  labelsNotLabels: (path: string) => `the labels file beside it is not IDX labels: ${path}`,
  moreProblems: (count: number) => `…and ${count} more problems like these, counted but not listed`,
  notAFile: 'not a regular file (a folder, device or pipe cannot be read as data)',
  tooManyItems: (declared: number, max: number) =>
    `the header declares ${declared} items, more than the ${max} this reader accepts`,
  declaredPastEnd: (declared: number, bytes: number) =>
    `the header declares ${declared} items, more than the file's ${bytes} bytes can hold`,
  aborted: 'the operation was cancelled',
  datasetNotFound: (id: string) => `no dataset with id "${id}"`,
  datasetNameEmpty: 'a dataset name cannot be empty',
  nothingImported: 'no drawings or images could be read from the given files',
  sourceNotFound: (source: string) => `"${source}" is neither a readable file nor a dataset id`,
} as const;

/** Thrown for whole-file failures (the file cannot be read at all). */
export class DataFileError extends Error {
  constructor(
    /** The message without the file name (the documented constant). */
    readonly reason: string,
    readonly file: string,
    readonly byteOffset = 0,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
    this.name = 'DataFileError';
  }
}

export class AbortedError extends Error {
  constructor(options?: { cause?: unknown }) {
    super(DataErrors.aborted, options);
    this.name = 'AbortError';
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError({ cause: signal.reason });
}
