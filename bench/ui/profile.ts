/**
 * Where the page's main thread spends its time while a person draws (not a test): a CPU profile
 * of 29 strokes (Chrome DevTools protocol), self time by function, top 25. '(program)' is native
 * work outside JavaScript: style, layout, paint and raster (software raster in headless Chromium).
 * Run: `npm run build && npx tsx bench/ui/profile.ts`.
 */
import { FIXTURE_MODEL_ID, openStudio, useModel } from '../../tests/e2e/harness';
import { strokeAndWait } from './strokes';
const studio = await openStudio({ seedModels: true });
const { page } = studio;
await useModel(page, FIXTURE_MODEL_ID);
await strokeAndWait(page, 0);
await page.getByTestId('latent-slider-0').waitFor({ timeout: 60_000 });
const client = await page.context().newCDPSession(page);
await client.send('Profiler.enable');
await client.send('Profiler.setSamplingInterval', { interval: 200 });
await client.send('Profiler.start');
for (let i = 1; i < 30; i++) await strokeAndWait(page, i);
const { profile } = (await client.send('Profiler.stop')) as {
  profile: {
    nodes: Array<{
      id: number;
      callFrame: { functionName: string; url: string; lineNumber: number };
      hitCount?: number;
    }>;
    samples: number[];
    timeDeltas: number[];
  };
};
const self = new Map<string, number>();
const total = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
for (const n of profile.nodes) {
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
}
console.log('samples', total);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(((100 * v) / total).toFixed(1).padStart(5), k);
await studio.close();
