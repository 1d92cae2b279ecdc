import type { ModelSummary } from '../../../shared/types/app';

/** The first shipped MNIST VAE is what a first launch shows; failing that, any model. */
export function defaultModel(models: readonly ModelSummary[]): ModelSummary | undefined {
  const shipped = models.filter((m) => m.origin === 'shipped');
  const isVae = (m: ModelSummary) => m.kind.includes('vae') && !m.kind.startsWith('cvae');
  // Digits, not Fashion-MNIST: "fashion-mnist" contains "mnist" too.
  const isMnist = (m: ModelSummary) => {
    const text = `${m.dataset} ${m.name} ${m.id}`;
    return /mnist/i.test(text) && !/fashion/i.test(text);
  };
  return shipped.find((m) => isVae(m) && isMnist(m)) ?? shipped.find(isVae) ?? shipped[0] ?? models[0];
}
