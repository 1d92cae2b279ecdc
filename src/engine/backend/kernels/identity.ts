import { Identity } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs';
import { required } from './wasm-call';

/**
 * While a gradient tape records, tfjs clones every tensor a gradient will need (tf.clone runs
 * Identity), and wasm's Identity copies the data: ~70 copies per MLP VAE step, weights
 * included. Tensors are immutable, so the clone can share the buffer as cpu's Identity and
 * wasm's own Reshape do: one more reference, no copy. Strings go to tfjs's kernel.
 */
export function identityConfig(original: KernelFunc): KernelConfig {
  return {
    kernelName: Identity,
    backendName: 'wasm',
    kernelFunc: (args) => {
      const x = required(args.inputs, 'x');
      if (x.dtype === 'string') return original(args);
      (args.backend as BackendWasm).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  };
}
