/**
 * The models LatentDraw ships, by folder name under resources/models: what each is called in
 * the picker, the one line on what it is for, and which one the studio opens with. The
 * training script (scripts/train-defaults.ts) names its models from this table too.
 */
export interface ShippedModelInfo {
  title: string;
  purpose: string;
}

export const SHIPPED_MODELS: Record<string, ShippedModelInfo> = {
  'mnist-digits': {
    title: 'MNIST digits — VAE, 32-d latent',
    purpose: 'Faithful reconstruction: draw a digit and get the same digit back.',
  },
  'mnist-vae': {
    title: 'MNIST digits — VAE, 2-d latent',
    purpose: 'The 2-d map: every digit is a point on one plane (latent map, 15×15 grid).',
  },
  'mnist-cvae': {
    title: 'MNIST digits — conditional VAE, 2-d latent',
    purpose: 'Class-conditional: pick the digit, and the code holds only its style.',
  },
  'cat-ae': {
    title: 'Quick, Draw! cats — conv autoencoder, 128-d code',
    purpose: 'Faithful sketches: draw a cat and get its lines back, not a blur (it does not sample).',
  },
  'cat-vae': {
    title: 'Quick, Draw! cats — VAE, 32-d latent',
    purpose: 'Sampling and exploring cats: new cat faces and smooth paths between them; it redraws a cat blurred.',
  },
};

/** The shipped model a first launch opens: the one that gives back what was drawn. */
export const DEFAULT_SHIPPED_MODEL = 'mnist-digits';
