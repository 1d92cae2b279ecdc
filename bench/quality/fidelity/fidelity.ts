/**
 * The fidelity benchmark: for every shipped model, how much of what it is shown survives the
 * round trip through its code. Digit models are scored on held-out MNIST and on digits drawn as
 * canvas strokes (the judge reads the digit back); sketch models (the cats) by ink IoU,
 * sharpness and kept eyes and whiskers (sketch-score.ts) on held-out bitmaps, on raw Quick,
 * Draw! drawings and on stroke-drawn cat faces, the drawn sets through the studio's canvas path,
 * beside the PyTorch twin of the conv autoencoder trained in the same run (sketch-peer.ts).
 * Pairs pictures go to `outDir`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MODEL_META_FILE } from '../../../src/engine/catalog/list-models';
import type { Stroke } from '../../../src/shared/types/drawing';
import { openDataFile } from '../../../src/engine/data/formats/open';
import { normalizeCanvasStrokes, rasterize } from '../../../src/engine/data/index';
import { loadModel, readMetadata } from '../../../src/engine/models/index';
import { bytesToUnit } from '../../../src/engine/data/raster/pixel-bytes';
import { DRAWN_DIGITS_FIXTURE } from './drawn-digits';
import { judgeTrainingData } from './digit-training-data';
import { loadOrTrainJudge, type Judge } from './judge';
import { pct, perDigitLines, perDigitMarkdown } from './per-digit';
import { rowsPng } from './pictures';
import { meanStats, statsLine } from './raster-stats';
import { drawnSet, scoreSet, type SetScore } from './score';
import { digitData, gather } from './shipped-data';
import { runSketchModels, sketchMarkdown, type SketchFidelity } from './sketch-fidelity';
import type { SketchPeerOptions } from './sketch-peer';

export interface FidelityOptions {
  resourcesRoot: string;
  /** ../shared/data: the raw cat drawings (the drawn-cat set is skipped without it). */
  sharedData: string;
  outDir: string;
  log: (line: string) => void;
  /** Train the PyTorch twin of the conv autoencoder in this run, beside the cat models; off when absent. */
  sketchPeer?: SketchPeerOptions;
}

export interface ModelFidelity {
  name: string;
  kind: string;
  latentSize: number;
  heldOut: SetScore;
  drawn?: SetScore;
  drawnName: string;
}

export interface FidelityResult {
  judgeHeldOutAccuracy: number;
  judgeDrawnAccuracy: number;
  drawnDigits: number;
  heldOutDigits: number;
  /** The digit models. */
  rows: ModelFidelity[];
  /** Raster statistics lines: held-out MNIST beside drawn digits. */
  stats: string[];
  /** The sketch models (the cats) and the PyTorch peer. */
  sketch: SketchFidelity;
}

interface DrawnDigits {
  drawings: { label: number; strokes: Stroke[] }[];
}

export const FIDELITY_ERRORS = {
  noFixture: 'drawn-digit fixture missing: run npx tsx bench/quality/fidelity/drawn-digits.ts',
} as const;

function readDrawnDigits(): DrawnDigits['drawings'] {
  if (!existsSync(DRAWN_DIGITS_FIXTURE)) throw new Error(`${FIDELITY_ERRORS.noFixture} (${DRAWN_DIGITS_FIXTURE})`);
  return (JSON.parse(readFileSync(DRAWN_DIGITS_FIXTURE, 'utf8')) as DrawnDigits).drawings;
}

async function readRawCats(sharedData: string): Promise<{ label: number; strokes: Stroke[] }[] | undefined> {
  const path = join(sharedData, 'quickdraw/raw-ndjson/cat.ndjson');
  if (!existsSync(path)) return undefined;
  // Raw screen coordinates, as the canvas has them: the canvas path normalises them.
  const file = await openDataFile(path, { normalizeRaw: false });
  const out: { label: number; strokes: Stroke[] }[] = [];
  for await (const r of file.records()) if (r.kind === 'drawing') out.push({ label: 0, strokes: r.strokes });
  await file.close();
  return out;
}

const isDigitModel = (classNames: string[], size: number) =>
  size === 28 && classNames.length === 10 && classNames.every((c, i) => c === String(i));

export async function runFidelity(opts: FidelityOptions): Promise<FidelityResult> {
  await mkdir(opts.outDir, { recursive: true });
  const digits = await digitData(opts.resourcesRoot);
  const heldOutDigits = gather(digits, digits.validationIndex);
  const drawnDigits = readDrawnDigits();
  const judgeData = await judgeTrainingData(opts.resourcesRoot);
  const judge: Judge = await loadOrTrainJudge(join(opts.outDir, 'judge'), {
    images: bytesToUnit(judgeData.images),
    labels: judgeData.labels,
    trainIndex: judgeData.trainIndex,
    log: opts.log,
  });
  const share = (a: Int32Array, b: Int32Array) => a.filter((v, i) => v === b[i]).length / a.length;
  const judgeHeldOutAccuracy = share(judge.read(heldOutDigits.images, heldOutDigits.count), heldOutDigits.labels);
  // The drawn digits as the mnist28 recipe renders them, for the judge and the statistics.
  const drawnPixels = new Float32Array(drawnDigits.length * 784);
  drawnDigits.forEach((d, i) => drawnPixels.set(rasterize(normalizeCanvasStrokes(d.strokes), 'mnist28'), i * 784));
  const judgeDrawnAccuracy = share(
    judge.read(drawnPixels, drawnDigits.length),
    Int32Array.from(drawnDigits.map((d) => d.label)),
  );
  opts.log(
    `judge: ${(100 * judgeHeldOutAccuracy).toFixed(1)} % on ${heldOutDigits.count} held-out MNIST digits, ` +
      `${(100 * judgeDrawnAccuracy).toFixed(1)} % on ${drawnDigits.length} drawn digits`,
  );
  const stats = [
    statsLine('held-out MNIST', meanStats(heldOutDigits.images, heldOutDigits.count, 28)),
    statsLine('drawn (mnist28)', meanStats(drawnPixels, drawnDigits.length, 28)),
  ];
  for (const line of stats) opts.log(line);

  const modelsRoot = join(opts.resourcesRoot, 'models');
  const names = readdirSync(modelsRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(modelsRoot, e.name, MODEL_META_FILE)))
    .map((e) => e.name)
    .sort();
  const digitNames: string[] = [];
  const sketchNames: string[] = [];
  for (const name of names) {
    const meta = await readMetadata(join(modelsRoot, name));
    (isDigitModel(meta.classNames, meta.imageSize) ? digitNames : sketchNames).push(name);
  }

  const rows: ModelFidelity[] = [];
  for (const name of digitNames) {
    const loaded = await loadModel(join(modelsRoot, name));
    try {
      const heldOut = await scoreSet(loaded, heldOutDigits, judge);
      const drawn = await scoreSet(loaded, drawnSet(loaded, drawnDigits), judge);
      const size = loaded.metadata.imageSize;
      await writeFile(
        join(opts.outDir, `${name}-held-out-pairs.png`),
        rowsPng([heldOut.pairs.inputs, heldOut.pairs.outputs], heldOut.pairs.count, size),
      );
      await writeFile(
        join(opts.outDir, `${name}-drawn-pairs.png`),
        rowsPng([drawn.pairs.inputs, drawn.pairs.outputs], drawn.pairs.count, size),
      );
      const row: ModelFidelity = {
        name,
        kind: loaded.metadata.kind,
        latentSize: loaded.metadata.latentSize,
        heldOut,
        drawn,
        drawnName: 'drawn digits',
      };
      rows.push(row);
      opts.log(fidelityLine(row));
    } finally {
      loaded.model.dispose();
    }
  }
  judge.dispose();
  for (const line of perDigitLines(rows)) opts.log(line);

  const sketch = await runSketchModels({
    resourcesRoot: opts.resourcesRoot,
    names: sketchNames,
    rawCats: await readRawCats(opts.sharedData),
    outDir: opts.outDir,
    log: opts.log,
    peer: opts.sketchPeer,
  });
  return {
    judgeHeldOutAccuracy,
    judgeDrawnAccuracy,
    drawnDigits: drawnDigits.length,
    heldOutDigits: heldOutDigits.count,
    rows,
    stats,
    sketch,
  };
}

export function fidelityLine(r: ModelFidelity): string {
  return (
    `${r.name.padEnd(14)} ${r.kind.padEnd(8)} latent ${String(r.latentSize).padEnd(3)} ` +
    `held-out: kept ${pct(r.heldOut.kept).padStart(7)} BCE ${r.heldOut.bce.toFixed(4)} (n ${r.heldOut.count})  ` +
    `${r.drawnName}: kept ${pct(r.drawn?.kept).padStart(7)} BCE ${r.drawn ? r.drawn.bce.toFixed(4) : '—'} (n ${r.drawn?.count ?? 0})`
  );
}

/** The figures as Markdown, for resources/models/REPORT.md: the digit table, then the sketch table. */
export function fidelityMarkdown(result: FidelityResult): string[] {
  return [
    '| model | kind | latent | kept digit, held-out MNIST | kept digit, drawn | BCE held-out | BCE drawn | drawn set |',
    '|---|---|---|---|---|---|---|---|',
    ...result.rows.map(
      (r) =>
        `| ${r.name} | ${r.kind} | ${r.latentSize} | ${pct(r.heldOut.kept)} | ${pct(r.drawn?.kept)} | ` +
        `${r.heldOut.bce.toFixed(4)} | ${r.drawn ? r.drawn.bce.toFixed(4) : '—'} | ${r.drawnName} (${r.drawn?.count ?? 0}) |`,
    ),
    '',
    'Kept digit per digit and the weakest styles of the drawn set (the judge’s own reading of the inputs beside them):',
    '',
    ...perDigitMarkdown(result.rows),
    '',
    ...sketchMarkdown(result.sketch),
  ];
}
