import { selectBackend, tf } from '../../src/engine/backend/select';
import { medianMs } from './time';
await selectBackend({ only: 'wasm' });
const p = [0, 1, 2, 3].map(() => tf.randomUniform([64, 14, 14, 32]));
console.log('concat4 axis0', await medianMs(() => tf.concat(p, 0), 5));
const st = tf.concat(p, 0).reshape([2, 2, 64 * 14, 14, 32]);
console.log('transpose rank5 [2,0,3,1,4]', await medianMs(() => st.transpose([2, 0, 3, 1, 4]), 5));
const st6 = tf.concat(p, 0).reshape([2, 2, 64 * 14 * 14, 32]);
console.log('transpose rank4 ', await medianMs(() => st6.transpose([2, 0, 1, 3]), 5));
const w = tf.randomUniform([3, 3, 64, 32]);
console.log(
  'stridedSlice filter',
  await medianMs(() => tf.stridedSlice(w, [0, 0, 0, 0], [3, 3, 64, 32], [2, 2, 1, 1]), 5),
);
const dy = tf.randomUniform([64, 14, 14, 64]) as tf.Tensor4D;
const f2 = tf.randomUniform([2, 2, 64, 32]) as tf.Tensor4D;
console.log(
  'conv 2x2 valid',
  await medianMs(
    () =>
      tf.conv2d(
        tf.pad(dy, [
          [0, 0],
          [0, 1],
          [0, 1],
          [0, 0],
        ]) as tf.Tensor4D,
        f2,
        1,
        'valid',
      ),
    5,
  ),
);
