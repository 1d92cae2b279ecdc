import { randomBytes } from 'node:crypto';
import type { Request } from '../../shared/contract/index';
import type { ConceptSet, Operand } from '../../shared/contract/concepts';
import type { ArithmeticResult, Concept, SampleGallery } from '../../shared/types/latent';
import { applyConcept, conceptVector, decodeLatents, encodeImages } from '../latent/index';
import type { LoadedModel } from '../models/index';
import { conditioningFor, decodeOne, encodeOne, rasterizeCanvas } from '../runtime/latent-ops';
import { SAMPLE_ERRORS } from '../runtime/model-samples';
import type { StudioRuntime } from '../runtime/studio-runtime';
import type { EngineContext } from '../context';
import { modelHandlers } from './with-model';

export const CONCEPT_ERRORS = {
  noSuchConcept: 'that concept vector no longer exists',
  emptySet: (which: string) => `set ${which} has no drawings: pick at least one`,
  noSuchItem: (index: number) => `dataset item ${index} is not in this model's samples`,
  noSuchLabel: (label: number) => `the model's data has no items of class ${label}`,
} as const;

const DEFAULT_GALLERY = 48;

interface Codes {
  codes: Float32Array;
  count: number;
}

function pickRows(all: Float32Array, width: number, indexes: number[]): Float32Array {
  const out = new Float32Array(indexes.length * width);
  indexes.forEach((index, row) => out.set(all.subarray(index * width, (index + 1) * width), row * width));
  return out;
}

async function setCodes(
  runtime: StudioRuntime,
  loaded: LoadedModel,
  modelId: string,
  set: ConceptSet,
  which: string,
): Promise<Codes> {
  const k = loaded.metadata.latentSize;
  if (set.kind === 'drawings') {
    if (!set.drawings.length) throw new Error(CONCEPT_ERRORS.emptySet(which));
    const px = loaded.metadata.imageSize ** 2;
    const images = new Float32Array(set.drawings.length * px);
    set.drawings.forEach((d, i) => images.set(rasterizeCanvas(loaded, d), i * px));
    const count = set.drawings.length;
    return {
      codes: await encodeImages(loaded.model, images, count, conditioningFor(loaded.model, undefined, count)),
      count,
    };
  }
  const samples = await runtime.samplesOf(modelId);
  if (!samples) throw new Error(SAMPLE_ERRORS.noDataset);
  const { codes } = await runtime.codesOf(modelId);
  let indexes: number[];
  if (set.kind === 'label') {
    indexes = [];
    samples.labels.forEach((l, i) => l === set.label && indexes.push(i));
    if (!indexes.length) throw new Error(CONCEPT_ERRORS.noSuchLabel(set.label));
  } else {
    if (!set.indexes.length) throw new Error(CONCEPT_ERRORS.emptySet(which));
    const bad = set.indexes.find((i) => i >= samples.count);
    if (bad !== undefined) throw new Error(CONCEPT_ERRORS.noSuchItem(bad));
    indexes = set.indexes;
  }
  return { codes: pickRows(codes, k, indexes), count: indexes.length };
}

function describeSet(set: ConceptSet, classNames: string[]): string {
  if (set.kind === 'label') return classNames[set.label] ?? `class ${set.label}`;
  if (set.kind === 'items') return `${set.indexes.length} picked items`;
  return `${set.drawings.length} drawings`;
}

export function conceptsHandlers(context: EngineContext) {
  const { runtime } = context;

  async function operandCode(
    loaded: LoadedModel,
    modelId: string,
    operand: Operand,
    label?: number,
  ): Promise<Float32Array> {
    if (operand.kind === 'drawing') return encodeOne(loaded, rasterizeCanvas(loaded, operand.strokes), label);
    const { codes } = await setCodes(runtime, loaded, modelId, { kind: 'items', indexes: [operand.index] }, 'item');
    return codes;
  }

  const withModel = modelHandlers(context.models);

  return {
    'concepts:list': async (req: Request<'concepts:list'>) => ({ concepts: await runtime.concepts.list(req.modelId) }),

    'concepts:samples': async (req: Request<'concepts:samples'>): Promise<SampleGallery> => {
      const samples = await runtime.samplesOf(req.modelId);
      if (!samples) throw new Error(SAMPLE_ERRORS.noDataset);
      const px = samples.imageSize ** 2;
      const all = Array.from(samples.labels.keys()).filter(
        (i) => req.label === undefined || samples.labels[i] === req.label,
      );
      const offset = req.offset ?? 0;
      const picked = all.slice(offset, offset + (req.count ?? DEFAULT_GALLERY));
      return {
        items: picked.map((index) => ({
          index,
          label: samples.labels[index],
          category: samples.classNames[samples.labels[index]] ?? '',
          pixels: samples.images.slice(index * px, (index + 1) * px),
        })),
        classNames: samples.classNames,
        size: samples.imageSize,
        total: all.length,
      };
    },

    'concepts:define': withModel(async (req: Request<'concepts:define'>, loaded): Promise<Concept> => {
      const k = loaded.metadata.latentSize;
      const a = await setCodes(runtime, loaded, req.modelId, req.a, 'A');
      const b = await setCodes(runtime, loaded, req.modelId, req.b, 'B');
      const names = loaded.metadata.classNames;
      const concept: Concept = {
        id: `c-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
        name: req.name.trim(),
        modelId: req.modelId,
        description: `${describeSet(req.a, names)} − ${describeSet(req.b, names)}`,
        vector: conceptVector(a.codes, a.count, b.codes, b.count, k),
        countA: a.count,
        countB: b.count,
        createdAt: new Date().toISOString(),
      };
      await runtime.concepts.add(concept);
      return concept;
    }),

    'concepts:delete': async (req: Request<'concepts:delete'>) => ({
      concepts: await runtime.concepts.remove(req.modelId, req.id),
    }),

    'concepts:apply': withModel(async (req: Request<'concepts:apply'>, loaded) => {
      const concept = await runtime.concepts.find(req.modelId, req.id);
      if (!concept) throw new Error(CONCEPT_ERRORS.noSuchConcept);
      const z = await encodeOne(loaded, rasterizeCanvas(loaded, req.strokes), req.label);
      const moved = applyConcept(z, concept.vector, req.strength);
      return { output: await decodeOne(loaded, moved, req.label), size: loaded.metadata.imageSize };
    }),

    'concepts:arithmetic': withModel(async (req: Request<'concepts:arithmetic'>, loaded): Promise<ArithmeticResult> => {
      const k = loaded.metadata.latentSize;
      const [a, b, c] = await Promise.all(
        [req.a, req.b, req.c].map((o) => operandCode(loaded, req.modelId, o, req.label)),
      );
      const result = a.map((v, d) => v - b[d] + c[d]);
      const all = new Float32Array(4 * k);
      [a, b, c, result].forEach((z, i) => all.set(z, i * k));
      const px = loaded.metadata.imageSize ** 2;
      const images = await decodeLatents(loaded.model, all, 4, conditioningFor(loaded.model, req.label, 4));
      return { images: [0, 1, 2, 3].map((i) => images.slice(i * px, (i + 1) * px)), size: loaded.metadata.imageSize };
    }),
  };
}
