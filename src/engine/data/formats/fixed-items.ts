/**
 * Splits a byte stream into a header of `headerBytes` and then items of `itemBytes`,
 * calling `onItem` with a view that is only valid during the call. Returns how many bytes
 * were left over (a partial item, or anything after the expected count).
 */
export async function* fixedItems(
  chunks: AsyncIterable<Buffer>,
  headerBytes: number,
  itemBytes: number,
  maxItems: number,
): AsyncGenerator<{ items: Buffer[]; firstIndex: number }, { items: number; leftover: number }> {
  let skip = headerBytes;
  let carry: Buffer | null = null;
  let count = 0;
  let leftover = 0;
  for await (const raw of chunks) {
    let chunk = raw;
    if (skip > 0) {
      const n = Math.min(skip, chunk.length);
      skip -= n;
      chunk = chunk.subarray(n);
      if (chunk.length === 0) continue;
    }
    if (count >= maxItems) {
      leftover += chunk.length;
      continue;
    }
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const items: Buffer[] = [];
    const firstIndex = count;
    let pos = 0;
    while (buf.length - pos >= itemBytes && count < maxItems) {
      items.push(buf.subarray(pos, pos + itemBytes));
      pos += itemBytes;
      count++;
    }
    if (count >= maxItems) {
      leftover += buf.length - pos;
      carry = null;
    } else {
      carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
    }
    if (items.length) yield { items, firstIndex };
  }
  if (carry) leftover += carry.length;
  return { items: count, leftover };
}
