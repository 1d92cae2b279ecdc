/**
 * The measured side of bench/import/run.ts, run in its own process so its peak RSS is its
 * own: stream a Quick, Draw! .bin, rasterise every drawing with cookbook32 into one reused
 * buffer, print one JSON line. usage: tsx bench/import/parse-rasterize.ts FILE [LIMIT] [--objects]
 */
import { openDataFile } from '../../src/engine/data/formats/open';
import { createRasterizer } from '../../src/engine/data/raster/rasterize';

async function main(): Promise<void> {
  const path = process.argv[2];
  const limitArg = process.argv[3];
  const limit = limitArg && /^\d+$/.test(limitArg) ? Number(limitArg) : undefined;
  const raster = createRasterizer('cookbook32');
  const out = new Float32Array(32 * 32);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const file = await openDataFile(path, { limit });
  let count = 0;
  let checksum = 0;
  if (process.argv.includes('--objects')) {
    // The general path: stroke objects first (what the UI and the store get), then pixels.
    for await (const batch of file.batches()) {
      for (const record of batch) {
        if (record.kind !== 'drawing') continue;
        raster.render(record.strokes, out);
        checksum += out[count & 1023];
        count++;
      }
    }
  } else {
    // The import path for .bin (loadTrainingData): pixels straight from the record bytes.
    for await (const { buf, starts } of file.binSpans()) {
      for (const pos of starts) {
        raster.renderBinRecord(buf, pos, out);
        checksum += out[count & 1023];
        count++;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      impl: process.argv.includes('--objects') ? 'latentdraw-ts-objects' : 'latentdraw-ts',
      drawings: count,
      seconds,
      drawingsPerSecond: count / seconds,
      cpuSeconds,
      drawingsPerCpuSecond: count / cpuSeconds,
      peakRssMB,
      checksum,
      problems: file.problems.length,
      versions: { node: process.versions.node },
    }),
  );
}

void main();
