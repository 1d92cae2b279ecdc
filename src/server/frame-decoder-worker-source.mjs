// Runs the TypeScript worker from source (tests, `tsx`): the bundle has its own compiled
// frame-decoder-worker.js and never loads this file.
import { register } from 'tsx/esm/api';

register();
await import('./frame-decoder-worker.ts');
