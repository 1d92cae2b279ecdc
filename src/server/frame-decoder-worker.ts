// The thread that decodes big WebSocket frames (see frame-decoder.ts).
import { parentPort } from 'node:worker_threads';
import { decodeFrame, transferables } from './frame-decode';

parentPort?.on('message', ({ seq, bytes }: { seq: number; bytes: Uint8Array }) => {
  const frame = decodeFrame(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
  const transfer = frame.kind === 'message' ? transferables(frame.message.payload) : [];
  parentPort?.postMessage({ seq, frame }, transfer);
});
