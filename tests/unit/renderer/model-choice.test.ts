import { describe, expect, test } from 'vitest';
import { defaultModel } from '../../../src/renderer/src/lib/model-choice';
import type { ModelSummary } from '../../../src/shared/types/app';

const model = (id: string, kind: string, extra: Partial<ModelSummary> = {}): ModelSummary => ({
  id,
  name: id,
  kind,
  dataset: 'mnist-t10k-images-idx3-ubyte.gz',
  origin: id.startsWith('shipped:') ? 'shipped' : 'user',
  recipe: 'mnist28',
  imageSize: 28,
  latentSize: 2,
  classNames: [],
  ...extra,
});

describe('the first-launch model', () => {
  test('is the one the catalogue marks as default, wherever it is listed', () => {
    const list = [
      model('shipped:mnist-cvae', 'cvae'),
      model('shipped:mnist-vae', 'mlp-vae'),
      model('shipped:mnist-digits', 'mlp-vae', { default: true, latentSize: 16 }),
    ];
    expect(defaultModel(list)?.id).toBe('shipped:mnist-digits');
  });

  test('without a mark, the first shipped MNIST VAE as before', () => {
    expect(defaultModel([model('shipped:mnist-cvae', 'cvae'), model('shipped:mnist-vae', 'mlp-vae')])?.id).toBe(
      'shipped:mnist-vae',
    );
  });
});
