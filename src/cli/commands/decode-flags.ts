import { jsonFlag, type Flag } from '../command';

/** How many PNG pixels one model pixel becomes when --scale is not given. */
export const DEFAULT_SCALE = 8;

/** `latentdraw decode`'s flags: its usage, help and parsing read them. */
export const DECODE_FLAGS: readonly Flag[] = [
  { name: 'model', value: 'DIR', about: "the saved model's folder", required: true },
  {
    name: 'z',
    value: '"x,y,…"',
    about: "the latent vector, comma-separated (the model's latent size)",
    required: true,
  },
  { name: 'out', value: 'PNG', about: 'the PNG file to write', required: true },
  { name: 'class', value: 'NAME_OR_INDEX', about: 'the class to draw (conditional models, which need it)' },
  { name: 'scale', value: 'N', about: 'PNG pixels per model pixel', default: DEFAULT_SCALE },
  jsonFlag('what was written'),
];
