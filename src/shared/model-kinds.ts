import type { Infer } from './contract/schema';
import type { recipeSchema } from './contract/drawing';

/**
 * Every model kind the studio builds, trains, saves and loads. What a kind implies is in its
 * spec below and nowhere else: the engine, the store, the Train view, the model picker and the
 * CLI read it; none of them tests a kind by name. The builder of each kind is bound in
 * src/engine/models/builders.ts, whose record type forces one for every kind.
 */
export const MODEL_KINDS = ['conv-ae', 'strided-ae', 'mlp-vae', 'conv-vae', 'cvae', 'cvae-prior'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** How the encoder describes q(z|x): a plain code, a diagonal Gaussian, or a full-covariance one. */
export type PosteriorKind = 'deterministic' | 'diagonal' | 'full';

/** A saved model's parts, each a tfjs layers model in its own folder beside latentdraw.json. */
export const MODEL_PARTS = ['encoder', 'decoder', 'prior'] as const;
export type ModelPart = (typeof MODEL_PARTS)[number];

/**
 * How a class label reaches the model: not at all, as a one-hot second input of both the
 * encoder and the decoder (`inputs`), or through a learned per-class prior mean (`prior`).
 */
export type Conditioning = 'none' | 'inputs' | 'prior';

export type RecipeName = Infer<typeof recipeSchema>;

/**
 * The training settings only some kinds use; every other setting applies to every kind. Each is
 * a row of the settings table (src/shared/contract/training-settings.ts, which checks it).
 */
export const KIND_SETTINGS = ['beta', 'latentSize', 'hiddenSize', 'denoising'] as const;
export type KindSetting = (typeof KIND_SETTINGS)[number];

export interface KindSpec {
  /** What the Train view and the CLI call it. */
  label: string;
  /** One line on what it is for: the picker's and the Train view's description. */
  purpose: string;
  conditioning: Conditioning;
  posterior: PosteriorKind;
  parts: readonly ModelPart[];
  /** The recipe the kind was written for; undefined: the one that suits the data. */
  defaultRecipe: RecipeName | undefined;
  /** The code size when none is chosen (conv-ae's is fixed by its image size: ⌈S/16⌉²×32). */
  defaultLatentSize: number;
  /** The image side must be a multiple of this (its strided layers halve it). */
  imageSizeMultiple: number;
  /** Has conv layers: trains only where the backend has Conv2DBackpropFilter. */
  convolutional: boolean;
  /** Which of KIND_SETTINGS the kind uses. */
  settings: readonly KindSetting[];
}

const VAE_SETTINGS: readonly KindSetting[] = ['beta', 'latentSize', 'hiddenSize'];

export const KIND_SPECS: { readonly [K in ModelKind]: KindSpec } = {
  'conv-ae': {
    label: 'Conv autoencoder, Cookbook (128-d at 32×32)',
    purpose: 'The Deep Learning Cookbook’s cat autoencoder: small, fast, and blurrier than the strided one.',
    conditioning: 'none',
    posterior: 'deterministic',
    parts: ['encoder', 'decoder'],
    defaultRecipe: 'cookbook32',
    defaultLatentSize: 128,
    imageSizeMultiple: 1,
    convolutional: true,
    settings: ['denoising'],
  },
  'strided-ae': {
    label: 'Conv autoencoder, strided (128-d)',
    purpose: 'Faithful sketches: draws back the lines of what was drawn, not a blur; not for sampling.',
    conditioning: 'none',
    posterior: 'deterministic',
    parts: ['encoder', 'decoder'],
    defaultRecipe: undefined,
    defaultLatentSize: 128,
    imageSizeMultiple: 4,
    convolutional: true,
    settings: ['latentSize', 'denoising'],
  },
  'mlp-vae': {
    label: 'MLP VAE (784-512-2)',
    purpose: 'The 2-d map: every drawing is a point on one plane (Cookbook, Keras VAE note).',
    conditioning: 'none',
    posterior: 'diagonal',
    parts: ['encoder', 'decoder'],
    defaultRecipe: undefined,
    defaultLatentSize: 2,
    imageSizeMultiple: 1,
    convolutional: false,
    settings: VAE_SETTINGS,
  },
  'conv-vae': {
    label: 'Conv VAE (Keras book)',
    purpose: 'Convolutions see strokes rather than pixels: a sharper 2-d map (Deep Learning with Python).',
    conditioning: 'none',
    posterior: 'diagonal',
    parts: ['encoder', 'decoder'],
    defaultRecipe: undefined,
    defaultLatentSize: 2,
    imageSizeMultiple: 2,
    convolutional: true,
    settings: ['beta', 'latentSize'],
  },
  cvae: {
    label: 'Conditional VAE',
    purpose: 'Class-conditional: the label goes in beside the drawing, so the code holds only its style.',
    conditioning: 'inputs',
    posterior: 'diagonal',
    parts: ['encoder', 'decoder'],
    defaultRecipe: undefined,
    defaultLatentSize: 2,
    imageSizeMultiple: 1,
    convolutional: false,
    settings: VAE_SETTINGS,
  },
  'cvae-prior': {
    label: 'Conditional VAE, learned prior',
    purpose: 'Class-conditional: each class has a learned place in the latent space (full-covariance posterior).',
    conditioning: 'prior',
    posterior: 'full',
    parts: ['encoder', 'decoder', 'prior'],
    defaultRecipe: undefined,
    defaultLatentSize: 2,
    imageSizeMultiple: 1,
    convolutional: false,
    settings: VAE_SETTINGS,
  },
};

/** The kind a new run starts on in the Train view. */
export const DEFAULT_KIND = 'mlp-vae' satisfies ModelKind;

export function isModelKind(kind: unknown): kind is ModelKind {
  return typeof kind === 'string' && (MODEL_KINDS as readonly string[]).includes(kind);
}

/** The spec of a kind read from outside (a model's metadata, a summary); undefined for others. */
export function kindSpec(kind: string | undefined): KindSpec | undefined {
  return isModelKind(kind) ? KIND_SPECS[kind] : undefined;
}

/** Kinds that draw a chosen class: the label goes into the model or picks its prior. */
export function isConditionalKind(kind: string | undefined): boolean {
  const conditioning = kindSpec(kind)?.conditioning;
  return conditioning !== undefined && conditioning !== 'none';
}

/** Whether a training setting changes what this kind learns (the others it ignores). */
export function settingApplies(kind: ModelKind, setting: string): boolean {
  const perKind = KIND_SETTINGS as readonly string[];
  return !perKind.includes(setting) || (KIND_SPECS[kind].settings as readonly string[]).includes(setting);
}
