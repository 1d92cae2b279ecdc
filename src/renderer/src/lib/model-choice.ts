import type { ModelSummary } from '../../../shared/types/app';

/**
 * What a first launch shows: the model the catalogue marks as the default; failing that (an
 * older install), the first shipped MNIST VAE; failing that, any model.
 */
export function defaultModel(models: readonly ModelSummary[]): ModelSummary | undefined {
  const marked = models.find((m) => m.default === true);
  if (marked) return marked;
  const shipped = models.filter((m) => m.origin === 'shipped');
  const isVae = (m: ModelSummary) => m.kind.includes('vae') && !m.kind.startsWith('cvae');
  // Digits, not Fashion-MNIST: "fashion-mnist" contains "mnist" too.
  const isMnist = (m: ModelSummary) => {
    const text = `${m.dataset} ${m.name} ${m.id}`;
    return /mnist/i.test(text) && !/fashion/i.test(text);
  };
  return shipped.find((m) => isVae(m) && isMnist(m)) ?? shipped.find(isVae) ?? shipped[0] ?? models[0];
}
