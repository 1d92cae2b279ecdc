import { saveGif } from '../lib/download';
import { messageOf } from '../lib/errors';
import { encodeGif, type RgbaFrame } from '../lib/gif';

export const GIF_EXPORT_ERRORS = {
  busy: 'an animation is already being written',
} as const;

/**
 * One GIF export at a time for a view: gathers the frames (decoding them may take a while),
 * encodes them and saves the file; the view shows `busy` and `error`, which only `run` writes.
 */
export class GifExport {
  busy = $state(false);
  error = $state<string | undefined>();

  async run(fileName: string, frames: () => Promise<RgbaFrame[]> | RgbaFrame[], delayMs: number): Promise<void> {
    if (this.busy) {
      this.error = GIF_EXPORT_ERRORS.busy;
      return;
    }
    this.busy = true;
    this.error = undefined;
    try {
      saveGif(encodeGif(await frames(), delayMs), fileName);
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }
}
