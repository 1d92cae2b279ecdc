// Runs the TypeScript worker from source (tests, benchmarks, `tsx`): the bundle has its own
// compiled gradient-worker.js and never loads this file.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
