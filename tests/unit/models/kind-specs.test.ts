import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildModel, defaultConfig, MODEL_ERRORS } from '../../../src/engine/models/build';
import { MODEL_BUILDERS } from '../../../src/engine/models/builders';
import { metadataFor } from '../../../src/engine/models/store/metadata';
import { defaultRecipe } from '../../../src/engine/data/default-recipe';
import { RECIPE_SIZE } from '../../../src/engine/data/training-data.types';
import { modelPurpose } from '../../../src/renderer/src/lib/model-choice';
import { TRAINING_SETTINGS } from '../../../src/shared/contract/training-settings';
import { KIND_SETTINGS, KIND_SPECS, kindSpec, MODEL_KINDS, type ModelKind } from '../../../src/shared/model-kinds';
import type { ModelSummary } from '../../../src/shared/types/app';
import { useBackend } from '../../helpers/tf';

let tf: Awaited<ReturnType<typeof useBackend>>;
beforeAll(async () => {
  tf = await useBackend('cpu');
});
afterAll(() => tf.disposeVariables());

const userModel = (kind: ModelKind): ModelSummary => ({
  id: `user:${kind}`,
  name: kind,
  kind,
  recipe: 'quickdraw28',
  imageSize: 28,
  latentSize: 2,
  classNames: [],
  dataset: '',
  origin: 'user',
});

describe('every model kind has its spec, and every place that needs a kind finds it', () => {
  test.each(MODEL_KINDS)('%s: a builder, a label, and a one-line description for the picker', (kind) => {
    const spec = KIND_SPECS[kind];
    expect(MODEL_BUILDERS[kind]).toBeTypeOf('function');
    expect(spec.label.length).toBeGreaterThan(3);
    expect(spec.purpose.length).toBeGreaterThan(20);
    expect(spec.purpose).not.toContain('\n');
    expect(modelPurpose(userModel(kind))).toBe(spec.purpose);
    expect(kindSpec(kind)).toBe(spec);
  });

  test('labels are distinct: the Train view tells the kinds apart by them', () => {
    const labels = MODEL_KINDS.map((k) => KIND_SPECS[k].label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test.each(MODEL_KINDS)('%s: the model its builder makes is the one its spec describes', (kind) => {
    const spec = KIND_SPECS[kind];
    const config = defaultConfig(kind, { hiddenSize: 16, numClasses: 3 });
    expect(config.recipe).toBe(spec.defaultRecipe ?? 'quickdraw28');
    expect(config.latentSize).toBe(spec.defaultLatentSize);
    const model = buildModel(config);
    try {
      expect(model.posterior).toBe(spec.posterior);
      expect(model.conditionalInputs).toBe(spec.conditioning === 'inputs');
      expect(model.config.latentSize).toBe(spec.defaultLatentSize);
      const built = (['encoder', 'decoder', 'prior'] as const).filter((part) => model[part] !== undefined);
      expect(built).toEqual([...spec.parts]);
      expect(metadataFor(model.config, []).parts).toEqual([...spec.parts]);
      expect(model.encoder.inputs).toHaveLength(spec.conditioning === 'inputs' ? 2 : 1);
      // A convolutional kind has conv layers; the others have none.
      const layers = [...model.encoder.layers, ...model.decoder.layers].map((l) => l.getClassName());
      expect(layers.some((name) => name.startsWith('Conv'))).toBe(spec.convolutional);
    } finally {
      model.dispose();
    }
  });

  test.each(MODEL_KINDS.filter((k) => KIND_SPECS[k].imageSizeMultiple > 1))(
    '%s refuses an image side that is not a multiple of its spec’s',
    (kind) => {
      const multiple = KIND_SPECS[kind].imageSizeMultiple;
      const imageSize = RECIPE_SIZE.cookbook32 + multiple / 2;
      expect(() => buildModel(defaultConfig(kind, { imageSize }))).toThrow(MODEL_ERRORS.badImageSize(kind, multiple));
    },
  );

  test.each(MODEL_KINDS)('%s: its recipe when none is chosen follows its spec, else the data', (kind) => {
    const own = KIND_SPECS[kind].defaultRecipe;
    expect(defaultRecipe(kind, ['t10k-images-idx3-ubyte.gz'])).toBe(own ?? 'mnist28');
    expect(defaultRecipe(kind, ['cat.ndjson'])).toBe(own ?? 'quickdraw28');
  });

  test('the settings a spec lists are per-kind settings, each a row of the settings table', () => {
    for (const name of KIND_SETTINGS) expect(Object.keys(TRAINING_SETTINGS)).toContain(name);
    for (const kind of MODEL_KINDS) {
      for (const name of KIND_SPECS[kind].settings) expect(KIND_SETTINGS).toContain(name);
    }
  });
});
