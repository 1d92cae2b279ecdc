import { basename, dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

export const MNIST_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const FASHION_MNIST_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** Quick, Draw! files are named after their category: "cat.ndjson", "cat.first3000.npy", "full_numpy_bitmap_cat.npy". */
export function categoryFromFileName(path: string): string {
  const name = basename(path).split('.')[0];
  return name.replace(/^(full_numpy_bitmap_|full_simplified_|full_raw_|full_binary_)/, '').replace(/_/g, ' ');
}

/** `…-images-idx3-ubyte(.gz)` → the sibling `…-labels-idx1-ubyte(.gz)` that exists, if any. */
export function siblingLabelsPath(imagesPath: string): string | undefined {
  const name = basename(imagesPath);
  if (!/images[-.]idx3[-.]ubyte/.test(name)) return undefined;
  const stem = name.replace(/images([-.])idx3([-.])ubyte/, 'labels$1idx1$2ubyte').replace(/\.gz$/, '');
  for (const candidate of [stem, `${stem}.gz`]) {
    const path = join(dirname(imagesPath), candidate);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Class names for IDX labels: Fashion-MNIST when the path says so, digits otherwise. */
export function idxClassNames(path: string): string[] {
  return /fashion/i.test(path) ? FASHION_MNIST_CLASSES : MNIST_CLASSES;
}
