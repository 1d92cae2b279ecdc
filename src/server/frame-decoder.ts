import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { decodeFrame, type DecodedFrame } from './frame-decode';

/**
 * Frames up to this size are decoded on the server's thread: a drawing at the contract's
 * limits is about 370 KB and decodes in a few ms. Bigger ones (uploads, or hostile frames up
 * to the 64 MiB WebSocket limit) go to a worker thread.
 */
export const INLINE_FRAME_BYTES = 512 * 1024;

/** The worker script: bundled beside the CLI (out/cli), or the source under tsx. */
function workerEntry(): string {
  const bundled = fileURLToPath(new URL('./frame-decoder-worker.js', import.meta.url));
  if (existsSync(bundled)) return bundled;
  return fileURLToPath(new URL('./frame-decoder-worker-source.mjs', import.meta.url));
}

/** Decodes WebSocket text frames, big ones on one worker thread started when first needed. */
export class FrameDecoder {
  private worker: Worker | undefined;
  private seq = 0;
  private readonly waiting = new Map<number, (frame: DecodedFrame) => void>();
  /** Frames decoded on the worker so far (tests and benches look at it). */
  offThread = 0;

  /** A frame's bytes (UTF-8): big ones are even turned into text on the worker. */
  async decode(bytes: Uint8Array): Promise<DecodedFrame> {
    const worker = bytes.length > INLINE_FRAME_BYTES ? this.start() : undefined;
    if (!worker) return decodeFrame(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
    const seq = ++this.seq;
    this.offThread++;
    return new Promise((resolve) => {
      this.waiting.set(seq, resolve);
      worker.postMessage({ seq, bytes });
    });
  }

  /** Starts the worker now, so the first big frame does not pay for its start. */
  warm(): void {
    this.start();
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(workerEntry());
      worker.on('message', ({ seq, frame }: { seq: number; frame: DecodedFrame }) => {
        this.waiting.get(seq)?.(frame);
        this.waiting.delete(seq);
      });
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      worker.unref();
      this.worker = worker;
      return worker;
    } catch {
      return undefined;
    }
  }

  /** A dead worker answers what it held with an error; the next big frame starts a new one. */
  private fail(): void {
    this.worker = undefined;
    for (const resolve of this.waiting.values()) resolve({ kind: 'error', message: 'message could not be decoded' });
    this.waiting.clear();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
