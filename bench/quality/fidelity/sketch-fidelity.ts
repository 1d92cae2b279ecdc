/**
 * The sketch half of the fidelity benchmark: every cat model is shown the held-out cat bitmaps,
 * the raw Quick, Draw! cats and the stroke-drawn cat faces (the drawn sets through the studio's
 * canvas path) and scored by ink IoU, sharpness, BCE and, on the faces, kept eyes and whiskers;
 * beside them the PyTorch twin of the conv autoencoder, trained in the same run on the same
 * images as the shipped one (when asked for). Pairs pictures: input, model, and the twin's
 * reconstruction where it saw the same images.
 */
import { pct } from './per-digit';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Stroke } from '../../../src/shared/types/drawing';
import { normalizeCanvasStrokes, rasterize, type RasterRecipe } from '../../../src/engine/data/index';
import { loadModel, readMetadata } from '../../../src/engine/models/index';
import { DENOISING_STD } from '../../../src/engine/train/step/loss';
import {
  CAT_FACE_COUNT,
  CAT_FACE_SEED,
  DETAILS,
  detailRegions,
  generateCatFaces,
  type CatFace,
  type Detail,
} from './cat-faces';
import { rowsPng } from './pictures';
import { drawnSet, reconstruct, type ImageSet } from './score';
import { catData, catTrainingData, gather } from './shipped-data';
import { detailKept, pick, shownPairs, sketchFigures, type KeptCount, type SketchFigures } from './sketch-score';
import {
  PEER_IMAGE_SIZE,
  PEER_RECIPE,
  runSketchPeer,
  SKETCH_PEER_DEFAULTS,
  isPeerKind,
  type SketchPeerOptions,
  type SketchPeerSettings,
} from './sketch-peer';

export type SketchSetKey = 'held-out' | 'drawn' | 'faces';
export const SKETCH_SET_LABELS: Record<SketchSetKey, string> = {
  'held-out': 'held-out cats',
  drawn: 'raw Quick, Draw! cats',
  faces: 'stroke-drawn cat faces',
};
/** Name of the peer's own pairs pictures. */
export const peerPictureName = (kind: string) => `pytorch-${kind}`;
export const PEER_OFF = 'not run (--sketch-peer is off)';

export interface SketchSetScore extends SketchFigures {
  /** Faces only: for how many each detail is kept, of those that show it. */
  details?: Record<Detail, KeptCount>;
}

type SetScores = Partial<Record<SketchSetKey, SketchSetScore>>;

export interface SketchModelRow {
  name: string;
  kind: string;
  latentSize: number;
  /** Validation BCE per image when it was trained (its metadata). */
  validationReconstruction?: number;
  sets: SetScores;
}

export interface SketchPeerRow {
  ran: boolean;
  /** Why it did not run, or what it was. */
  note: string;
  settings?: SketchPeerSettings;
  /** The model folder whose training settings it took, or undefined for the defaults. */
  mirrors?: string;
  trainImages?: number;
  validationReconstruction?: number;
  seconds?: number;
  sets: SetScores;
}

export interface SketchFidelity {
  /** The sets, and how sharp their inputs are themselves (in the peer's recipe): the ceiling. */
  sets: { key: SketchSetKey; count: number; inputSharpness: number }[];
  rows: SketchModelRow[];
  peer: SketchPeerRow;
}

export interface SketchRunInput {
  resourcesRoot: string;
  /** The sketch models' folder names under resources/models. */
  names: string[];
  /** The raw Quick, Draw! cats (the set is left out when absent). */
  rawCats?: { label: number; strokes: Stroke[] }[];
  outDir: string;
  log: (line: string) => void;
  peer?: SketchPeerOptions;
}

interface EvalSet {
  key: SketchSetKey;
  set: ImageSet;
  /** Faces: per detail, each face's regions (cat-faces.ts `detailRegions`). */
  regions?: Record<Detail, Uint8Array[][]>;
}

type Drawings = ReadonlyArray<{ label: number; strokes: Stroke[] }>;
type Faces = ReadonlyArray<CatFace & { label: number }>;

/** The three sets, drawn sets rendered by `toSet` (a model's canvas path) in `recipe`. */
function evalSets(
  heldOut: ImageSet,
  raw: Drawings | undefined,
  faces: Faces,
  recipe: RasterRecipe,
  toSet: (d: Drawings) => ImageSet,
): EvalSet[] {
  const regions = Object.fromEntries(DETAILS.map((d) => [d, faces.map((f) => detailRegions(f, d, recipe))])) as Record<
    Detail,
    Uint8Array[][]
  >;
  return [
    { key: 'held-out', set: heldOut },
    ...(raw ? [{ key: 'drawn' as const, set: toSet(raw) }] : []),
    { key: 'faces', set: toSet(faces), regions },
  ];
}

function score(e: EvalSet, outputs: Float32Array, size: number): SketchSetScore {
  const { images, count } = e.set;
  const figures: SketchSetScore = sketchFigures(images, outputs, count, size);
  if (e.regions) {
    const regions = e.regions;
    figures.details = Object.fromEntries(
      DETAILS.map((d) => [d, detailKept(images, outputs, size, regions[d])]),
    ) as Record<Detail, KeptCount>;
  }
  return figures;
}

async function pairsPicture(path: string, rows: Float32Array[], count: number, size: number): Promise<void> {
  const at = shownPairs(count);
  const px = size * size;
  await writeFile(
    path,
    rowsPng(
      rows.map((r) => pick(r, at, px)),
      at.length,
      size,
    ),
  );
}

const pictureName = (name: string, key: SketchSetKey) => `${name}-${key}-pairs.png`;

/** The first autoencoder cat model with a PyTorch twin, which the peer mirrors; else the defaults. */
async function peerSettings(
  modelsRoot: string,
  names: string[],
): Promise<{ settings: SketchPeerSettings; mirrors?: string; validationReconstruction?: number }> {
  for (const name of names) {
    const meta = await readMetadata(join(modelsRoot, name));
    const kind = meta.kind;
    if (!isPeerKind(kind) || !meta.training) continue;
    const { epochs, batchSize, learningRate, optimizer, seed, denoising } = meta.training;
    return {
      settings: {
        kind,
        latentSize: meta.latentSize,
        epochs,
        batchSize,
        learningRate,
        optimizer,
        seed,
        denoising: denoising ?? false,
      },
      mirrors: name,
      validationReconstruction: meta.metrics?.validationReconstruction,
    };
  }
  return { settings: SKETCH_PEER_DEFAULTS };
}

export async function runSketchModels(input: SketchRunInput): Promise<SketchFidelity> {
  const modelsRoot = join(input.resourcesRoot, 'models');
  const cats = await catData(input.resourcesRoot);
  const heldOut = gather(cats, cats.validationIndex);
  const faces = generateCatFaces(CAT_FACE_COUNT, CAT_FACE_SEED).map((f) => ({ label: 0, ...f }));

  // The canvas path as rasterizeCanvas takes it for a model of the peer's recipe.
  const canvas = (d: Drawings): ImageSet => {
    const px = PEER_IMAGE_SIZE ** 2;
    const images = new Float32Array(d.length * px);
    d.forEach((x, i) => images.set(rasterize(normalizeCanvasStrokes(x.strokes), PEER_RECIPE), i * px));
    return { images, labels: Int32Array.from(d, (x) => x.label), count: d.length };
  };
  const sets = evalSets(heldOut, input.rawCats, faces, PEER_RECIPE, canvas);
  const setList = sets.map(({ key, set }) => ({
    key,
    count: set.count,
    inputSharpness: sketchFigures(set.images, set.images, set.count, PEER_IMAGE_SIZE).sharpness,
  }));

  let peer: SketchPeerRow = { ran: false, note: PEER_OFF, sets: {} };
  let peerOutputs = new Map<SketchSetKey, Float32Array>();
  if (input.peer) {
    const { settings, mirrors } = await peerSettings(modelsRoot, input.names);
    const outcome = await runSketchPeer({
      data: await catTrainingData(input.resourcesRoot),
      sets: sets.map((e) => e.set.images),
      settings,
      options: input.peer,
      log: input.log,
    });
    if (!outcome.ok) {
      peer = { ran: false, note: outcome.reason, settings, mirrors, sets: {} };
      input.log(outcome.reason);
    } else {
      peerOutputs = new Map(sets.map((e, i) => [e.key, outcome.outputs[i]]));
      peer = {
        ran: true,
        note: `PyTorch twin of ${outcome.settings.kind}`,
        settings: outcome.settings,
        mirrors,
        trainImages: outcome.trainImages,
        validationReconstruction: outcome.history.at(-1)?.validationLoss,
        seconds: outcome.seconds,
        sets: Object.fromEntries(sets.map((e, i) => [e.key, score(e, outcome.outputs[i], PEER_IMAGE_SIZE)])),
      };
      for (const [i, e] of sets.entries()) {
        const path = join(input.outDir, pictureName(peerPictureName(outcome.settings.kind), e.key));
        await pairsPicture(path, [e.set.images, outcome.outputs[i]], e.set.count, PEER_IMAGE_SIZE);
      }
      input.log(sketchLine(peerPictureName(outcome.settings.kind), peer.sets));
    }
  }

  const rows: SketchModelRow[] = [];
  for (const name of input.names) {
    const loaded = await loadModel(join(modelsRoot, name));
    try {
      const { recipe, imageSize: size } = loaded.metadata;
      // The twin's row joins the pictures of the model it twins (on the very same images), as
      // its figures join that model's rows of the table.
      const sameImages = name === peer.mirrors && recipe === PEER_RECIPE && size === PEER_IMAGE_SIZE;
      const sets = evalSets(heldOut, input.rawCats, faces, recipe, (d) => drawnSet(loaded, d));
      const row: SketchModelRow = {
        name,
        kind: loaded.metadata.kind,
        latentSize: loaded.metadata.latentSize,
        validationReconstruction: loaded.metadata.metrics?.validationReconstruction,
        sets: {},
      };
      for (const e of sets) {
        const outputs = await reconstruct(loaded, e.set);
        row.sets[e.key] = score(e, outputs, size);
        const theirs = sameImages ? peerOutputs.get(e.key) : undefined;
        await pairsPicture(
          join(input.outDir, pictureName(name, e.key)),
          [e.set.images, outputs, ...(theirs ? [theirs] : [])],
          e.set.count,
          size,
        );
      }
      rows.push(row);
      input.log(sketchLine(name, row.sets));
    } finally {
      loaded.model.dispose();
    }
  }
  return { sets: setList, rows, peer };
}

const keptText = (k: KeptCount | undefined) => (k ? `${k.kept} of ${k.of}` : 'by eye¹');

export function sketchLine(name: string, sets: SetScores): string {
  const parts = (Object.keys(SKETCH_SET_LABELS) as SketchSetKey[]).flatMap((key) => {
    const s = sets[key];
    if (!s) return [];
    const details = s.details ? ` eyes ${keptText(s.details.eyes)} whiskers ${keptText(s.details.whiskers)}` : '';
    return [
      `${key}: IoU ${s.inkIou.toFixed(3)} sharp ${pct(s.sharpness)} BCE ${s.bce.toFixed(4)}${details} (n ${s.count})`,
    ];
  });
  return `${name.padEnd(16)} ${parts.join('  ')}`;
}

function cells(s: SketchSetScore | undefined, missing: string): string[] {
  if (!s) return [missing, missing, missing, missing];
  return [s.inkIou.toFixed(3), pct(s.sharpness), keptText(s.details?.eyes), keptText(s.details?.whiskers)];
}

function peerSentence(result: SketchFidelity): string {
  const peer = result.peer;
  if (!peer.ran) return `PyTorch twin²: ${peer.note}.`;
  const s = peer.settings as SketchPeerSettings;
  const mirrored = result.rows.find((r) => r.name === peer.mirrors)?.validationReconstruction;
  const from = peer.mirrors
    ? `the training settings of ${peer.mirrors}`
    : 'the default settings (no autoencoder cat model to mirror)';
  return (
    `PyTorch twin² (bench/peers/sketch_peer.py: ${s.kind}'s layers in torch_models.py, ${s.latentSize}-d code, PyTorch's ` +
    `own initialisation order, optimiser and generator): trained in this run on the same ${peer.trainImages} images ` +
    `with ${from}: ${s.epochs} epoch${s.epochs === 1 ? '' : 's'}, batch ${s.batchSize}, ${s.optimizer} ${s.learningRate}, seed ${s.seed}, ` +
    `denoising ${s.denoising ? `on (σ ${DENOISING_STD})` : 'off'}, one thread, ${Math.round(peer.seconds ?? 0)} s; ` +
    `validation BCE ${peer.validationReconstruction?.toFixed(2)} per image` +
    (mirrored === undefined ? '.' : ` (${peer.mirrors}’s, from its own training run: ${mirrored.toFixed(2)}).`)
  );
}

/** The sketch table as Markdown, with what its columns mean. */
export function sketchMarkdown(result: SketchFidelity): string[] {
  const peerMissing = result.peer.ran ? '—' : 'not run²';
  const setName = (key: SketchSetKey) =>
    `${SKETCH_SET_LABELS[key]} (${result.sets.find((s) => s.key === key)?.count ?? 0})`;
  // The twin's figures stand beside the model it is the twin of; the other rows leave them blank.
  const twin = (name: string, key: SketchSetKey) =>
    !result.peer.ran || name === result.peer.mirrors ? cells(result.peer.sets[key], peerMissing) : ['', '', '', ''];
  return [
    '| sketch model | set | ink IoU | sharpness | BCE | eyes kept | whiskers kept | PyTorch twin²: ink IoU | sharpness | eyes kept | whiskers kept |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...result.rows.flatMap((r) =>
      result.sets.map(({ key }) => {
        const s = r.sets[key];
        const mine = s ? cells(s, '—') : ['—', '—', '—', '—'];
        return (
          `| ${r.name} (${r.kind}, ${r.latentSize}-d) | ${setName(key)} | ${mine[0]} | ${mine[1]} | ` +
          `${s ? s.bce.toFixed(4) : '—'} | ${mine[2]} | ${mine[3]} | ${twin(r.name, key).join(' | ')} |`
        );
      }),
    ),
    '',
    'Ink IoU: pixels ≥ 0.5 in both input and reconstruction over those ≥ 0.5 in either. Sharpness: the share of the',
    'input’s ink box (grown by 1 px) the reconstruction has decided (< 0.2 or > 0.8); the inputs themselves score ' +
      result.sets.map((s) => `${pct(s.inputSharpness)} (${SKETCH_SET_LABELS[s.key]})`).join(', ') +
      ',',
    'their anti-aliased edges being neither. Both are means over the set. Eyes and whiskers on the stroke-drawn faces:',
    'the program knows where each eye and each whisker is (its own ink in the input); one is kept when the',
    'reconstruction’s mean over that ink is at least 0.5 and at least 0.3 above its mean over the blank pixels touching',
    'it (a dark wedge over the cheek, gaps between the whiskers filled, does not count); a face counts when both eyes,',
    'or all six whiskers, are kept. ¹ In a 28-px bitmap of a real drawing no program here finds eyes and whiskers reliably, so on',
    'the held-out and raw cats they are counted by looking at the pairs pictures (`<model>-held-out-pairs.png`,',
    '`-drawn-`, `-faces-`: 25 pairs each; rows: input, model, PyTorch twin).',
    '',
    peerSentence(result),
  ];
}
