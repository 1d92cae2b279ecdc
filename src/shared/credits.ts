/** What the About box and the docs credit: data, models' sources, and the libraries we ship. */
export interface Credit {
  name: string;
  text: string;
  license: string;
  url: string;
}

export const DATA_CREDITS: Credit[] = [
  {
    name: 'Quick, Draw!',
    text: 'Quick, Draw! dataset © Google Inc. Sample files are unmodified prefixes of the official files.',
    license: 'CC BY 4.0',
    url: 'https://quickdraw.withgoogle.com/data',
  },
  {
    name: 'MNIST',
    text: 'The MNIST database of handwritten digits © Yann LeCun and Corinna Cortes (with Christopher J.C. Burges).',
    license: 'CC BY-SA 3.0',
    url: 'http://yann.lecun.com/exdb/mnist/',
  },
  {
    name: 'Fashion-MNIST',
    text: 'Fashion-MNIST © 2017 Zalando SE (Xiao, Rasul & Vollgraf, arXiv:1708.07747).',
    license: 'MIT',
    url: 'https://github.com/zalandoresearch/fashion-mnist',
  },
];

export const SOFTWARE_CREDITS: Credit[] = [
  {
    name: 'TensorFlow.js',
    text: 'Machine learning in JavaScript.',
    license: 'Apache-2.0',
    url: 'https://www.tensorflow.org/js',
  },
  { name: 'Electron', text: 'Desktop shell.', license: 'MIT', url: 'https://www.electronjs.org' },
  { name: 'Svelte', text: 'User interface.', license: 'MIT', url: 'https://svelte.dev' },
  { name: 'Konva', text: 'Drawing canvas.', license: 'MIT', url: 'https://konvajs.org' },
  {
    name: 'UMAP-JS',
    text: 'Projections of latent codes.',
    license: 'Apache-2.0',
    url: 'https://github.com/PAIR-code/umap-js',
  },
  { name: 'ws', text: 'WebSocket bridge of browser mode.', license: 'MIT', url: 'https://github.com/websockets/ws' },
];

export const MODEL_SOURCES =
  'Architectures follow Deep Learning with Python (F. Chollet, ch. 8), the Deep Learning Cookbook (D. Osinga, ch. 13), ' +
  'the Keras VAE example and a TensorFlow Probability conditional-VAE note.';
