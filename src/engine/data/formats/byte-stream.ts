import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { AbortedError, DataErrors, DataFileError } from '../errors';

/** 1 MiB reads keep syscalls few while holding memory flat for files of any size. */
export const CHUNK_BYTES = 1 << 20;

export const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Real data files compress 2–10× (MNIST, Quick, Draw!); a stream of zeros or of one repeated
 * line compresses 1000×. Past this ratio (after a slack for small files) reading stops, so a
 * few hundred KB of gzip cannot cost gigabytes of work.
 */
export const MAX_GZIP_RATIO = 200;
const GZIP_SLACK_BYTES = 64 << 20;

export async function startsWithGzipMagic(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/**
 * The file's bytes as a stream of chunks, decompressed when it is gzip. zlib failures become
 * DataFileError(corruptGzip) so callers see one documented error for any broken archive; its
 * byteOffset is how far the stream decompressed before the damage.
 */
export async function* fileChunks(
  path: string,
  options: { gzip: boolean; signal?: AbortSignal; chunkBytes?: number },
): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: options.chunkBytes ?? CHUNK_BYTES });
  const stream = options.gzip ? file.pipe(createGunzip({ chunkSize: 64 * 1024 })) : file;
  if (options.gzip) file.on('error', (error) => stream.destroy(error));
  let expanded = 0;
  try {
    for await (const chunk of stream) {
      if (options.signal?.aborted) throw new AbortedError({ cause: options.signal.reason });
      expanded += (chunk as Buffer).length;
      if (options.gzip && expanded > GZIP_SLACK_BYTES + MAX_GZIP_RATIO * file.bytesRead) {
        throw new DataFileError(DataErrors.gzipBomb(MAX_GZIP_RATIO), path, expanded);
      }
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof AbortedError || error instanceof DataFileError) throw error;
    if (options.gzip && isZlibError(error)) {
      throw new DataFileError(DataErrors.corruptGzip, path, expanded, { cause: error });
    }
    throw error;
  } finally {
    stream.destroy();
    file.destroy();
  }
}

function isZlibError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return (
    code.startsWith('Z_') || code === 'ERR_ZLIB_INITIALIZATION_FAILED' || /unexpected end of file/i.test(error.message)
  );
}

export interface Peeked {
  head: Buffer;
  /** The head again, then the rest of the stream (then `broken`, thrown, where it broke). */
  chunks: AsyncGenerator<Buffer>;
  /** Why the stream broke before `wanted` bytes came (a gzip cut off early): the head is all there is. */
  broken?: DataFileError;
}

/**
 * Pulls chunks until `wanted` bytes are buffered (or the stream ends), and hands back those
 * bytes for format detection plus an iterator that replays them before the rest. A stream
 * that breaks after giving some bytes (a small gzip cut mid-way) is peeked up to the damage:
 * the reader gets what came before it, then the break as its error.
 */
export async function peekChunks(source: AsyncGenerator<Buffer>, wanted: number): Promise<Peeked> {
  const seen: Buffer[] = [];
  let total = 0;
  let ended = false;
  let broken: DataFileError | undefined;
  while (total < wanted) {
    let next: IteratorResult<Buffer>;
    try {
      next = await source.next();
    } catch (error) {
      if (!(error instanceof DataFileError) || total === 0) throw error;
      broken = error;
      break;
    }
    if (next.done) {
      ended = true;
      break;
    }
    seen.push(next.value);
    total += next.value.length;
  }
  const head = seen.length === 1 ? seen[0] : Buffer.concat(seen);
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (broken) throw broken;
      if (ended) return;
      for (;;) {
        const next = await source.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await source.return(undefined);
    }
  }
  return { head, chunks: replay() };
}
