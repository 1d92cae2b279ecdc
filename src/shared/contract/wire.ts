/**
 * JSON cannot carry typed arrays, and the WebSocket bridge must carry images and latent
 * vectors. Typed arrays travel as tagged base64; everything else is plain JSON.
 */
const TAG = '$typed';

type TypedKind = 'f32' | 'u8' | 'i32';
interface Tagged {
  [TAG]: TypedKind;
  data: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Float32Array) return { [TAG]: 'f32', data: toBase64(bytesOf(v)) };
    if (v instanceof Uint8Array) return { [TAG]: 'u8', data: toBase64(v) };
    if (v instanceof Int32Array) return { [TAG]: 'i32', data: toBase64(bytesOf(v)) };
    return v;
  });
}

function isTagged(v: unknown): v is Tagged {
  return typeof v === 'object' && v !== null && TAG in v && typeof (v as Tagged).data === 'string';
}

/** Throws SyntaxError for text that is not JSON, or a tag with an impossible length. */
export function decodeWire(text: string): unknown {
  // A reviver costs a call per value (10× the parse of a drawing's points): skip it when no
  // typed array can be inside. A string value holding the tag still takes the slow path.
  if (!text.includes(TAG)) return JSON.parse(text);
  return JSON.parse(text, (_key, v: unknown) => {
    if (!isTagged(v)) return v;
    const bytes = fromBase64(v.data);
    const copy = bytes.slice().buffer;
    switch (v[TAG]) {
      case 'u8':
        return bytes;
      case 'f32':
        if (bytes.length % 4) throw new SyntaxError('Float32Array payload length is not a multiple of 4');
        return new Float32Array(copy);
      case 'i32':
        if (bytes.length % 4) throw new SyntaxError('Int32Array payload length is not a multiple of 4');
        return new Int32Array(copy);
      default:
        throw new SyntaxError('unknown typed-array tag');
    }
  });
}
