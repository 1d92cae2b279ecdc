// Runs the TypeScript trainer thread from source (tests, benchmarks, `tsx`): the bundle has
// its own compiled trainer-thread.js and never loads this file.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
