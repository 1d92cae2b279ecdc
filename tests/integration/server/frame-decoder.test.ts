import { afterAll, describe, expect, test } from 'vitest';
import { FrameDecoder, INLINE_FRAME_BYTES } from '../../../src/server/frame-decoder';
import { encodeWire } from '../../../src/shared/contract/wire';

const decoder = new FrameDecoder();
afterAll(() => decoder.close());

const bytes = (value: unknown) => Buffer.from(encodeWire(value));

describe('big WebSocket frames are decoded and checked off the server thread', () => {
  test('a 56 MB reconstruct of 700 strokes × 20,000 points is refused there, naming the field', async () => {
    const stroke = JSON.stringify({
      x: new Array<number>(20_000).fill(123.456),
      y: new Array<number>(20_000).fill(654.321),
    });
    const strokes = new Array<string>(700).fill(stroke).join(',');
    const frame = Buffer.from(
      `{"id":7,"channel":"latent:reconstruct","payload":{"modelId":"user:x","strokes":[${strokes}]}}`,
    );
    expect(frame.length).toBeGreaterThan(50 << 20);
    const before = decoder.offThread;
    const decoded = await decoder.decode(frame);
    expect(decoder.offThread).toBe(before + 1);
    expect(decoded).toMatchObject({
      kind: 'refused',
      id: 7,
      envelope: { ok: false, error: { code: 'invalid-request' } },
    });
    expect(decoded.kind === 'refused' && !decoded.envelope.ok && decoded.envelope.error.message).toContain('.strokes');
  }, 60_000);

  test('a big valid frame comes back whole, typed arrays included', async () => {
    const data = new Uint8Array(3 << 20).map((_, i) => i % 251);
    const frame = bytes({
      id: 8,
      channel: 'uploads:chunk',
      payload: { uploadId: 'up-12345678', file: 0, offset: 0, bytes: data },
    });
    expect(frame.length).toBeGreaterThan(INLINE_FRAME_BYTES);
    const decoded = await decoder.decode(frame);
    if (decoded.kind !== 'message') throw new Error(`expected a message, got ${JSON.stringify(decoded).slice(0, 200)}`);
    const payload = decoded.message.payload as { bytes: Uint8Array };
    expect(payload.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.compare(payload.bytes, data)).toBe(0);
  }, 60_000);

  test('small frames are decoded in place; frames that are not messages say so', async () => {
    const before = decoder.offThread;
    expect(await decoder.decode(bytes({ id: 1, channel: 'app:info', payload: {} }))).toEqual({
      kind: 'message',
      message: { id: 1, channel: 'app:info', payload: {} },
    });
    expect(await decoder.decode(Buffer.from('{not json'))).toEqual({
      kind: 'error',
      message: 'message is not valid JSON',
    });
    expect(decoder.offThread).toBe(before);
  });
});
