import { kindSpec } from '../../../shared/model-kinds';
import type { ModelSummary } from '../../../shared/types/app';

/** A VAE that draws from one shared prior: the latent map and sliders mean most on it. */
function isPlainVae(m: ModelSummary): boolean {
  const spec = kindSpec(m.kind);
  return spec !== undefined && spec.posterior !== 'deterministic' && spec.conditioning === 'none';
}

/** The picker's line on a model: the shipped model's own, else what its kind is for. */
export function modelPurpose(m: ModelSummary): string | undefined {
  return m.purpose ?? kindSpec(m.kind)?.purpose;
}

/**
 * What a first launch shows: the model the catalogue marks as the default; failing that (an
 * older install), the first shipped MNIST VAE; failing that, any model.
 */
export function defaultModel(models: readonly ModelSummary[]): ModelSummary | undefined {
  const marked = models.find((m) => m.default === true);
  if (marked) return marked;
  const shipped = models.filter((m) => m.origin === 'shipped');
  // Digits, not Fashion-MNIST: "fashion-mnist" contains "mnist" too.
  const isMnist = (m: ModelSummary) => {
    const text = `${m.dataset} ${m.name} ${m.id}`;
    return /mnist/i.test(text) && !/fashion/i.test(text);
  };
  return shipped.find((m) => isPlainVae(m) && isMnist(m)) ?? shipped.find(isPlainVae) ?? shipped[0] ?? models[0];
}
