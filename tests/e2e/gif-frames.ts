/**
 * A small GIF reader that walks the file's blocks (GIF89a spec): the picture size, and per frame
 * its size and delay. Enough to tell a written animation has one frame per step; it decodes no
 * pixels. Throws on anything that is not a well-formed GIF.
 */
export interface GifSummary {
  width: number;
  height: number;
  frames: Array<{ width: number; height: number; delayMs: number }>;
  loops: boolean;
}

export function readGif(bytes: Uint8Array): GifSummary {
  const text = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
  const u16 = (at: number) => bytes[at] | (bytes[at + 1] << 8);
  const need = (at: number) => {
    if (at >= bytes.length) throw new Error(`GIF ends early at byte ${at}`);
  };
  const signature = text(0, 6);
  if (signature !== 'GIF89a' && signature !== 'GIF87a') throw new Error(`not a GIF (starts "${signature}")`);
  const width = u16(6);
  const height = u16(8);
  const packed = bytes[10];
  let at = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  const frames: GifSummary['frames'] = [];
  let delayMs = 0;
  let loops = false;
  const skipSubBlocks = () => {
    for (;;) {
      need(at);
      const size = bytes[at++];
      if (size === 0) return;
      at += size;
    }
  };
  for (;;) {
    need(at);
    const block = bytes[at++];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = bytes[at++];
      if (label === 0xf9) delayMs = u16(at + 2) * 10;
      if (label === 0xff && text(at + 1, 11) === 'NETSCAPE2.0') loops = true;
      skipSubBlocks();
    } else if (block === 0x2c) {
      const frameWidth = u16(at + 4);
      const frameHeight = u16(at + 6);
      const local = bytes[at + 8];
      at += 9 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0);
      at++; // LZW minimum code size
      skipSubBlocks();
      frames.push({ width: frameWidth, height: frameHeight, delayMs });
    } else {
      throw new Error(`unknown GIF block 0x${block.toString(16)} at byte ${at - 1}`);
    }
  }
  return { width, height, frames, loops };
}
