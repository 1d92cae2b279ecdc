import type { Request } from '../../shared/contract/index';
import type { ExploreClassGrid, ExploreGrid, ImageBlock } from '../../shared/contract/explore';
import { decodeLatents, encodeImages, type Conditioning } from '../latent/codes';
import { checkLabel, conditioningFor } from '../runtime/latent-ops';
import { blendClasses } from '../latent/conditional';
import { decodeGrid, type GridOptions } from '../latent/grid';
import { interpolate } from '../latent/interpolate';
import { nearestNeighbours } from '../latent/neighbours';
import { pca } from '../latent/pca';
import { classPriorMeans, samplePrior, standardNormal } from '../latent/sample';
import { isConditional, type LatentModel } from '../models/types';
import type { LoadedModel } from '../models/index';
import { ExploreCache } from '../explore/cache';
import { EXPLORE_ERRORS } from '../explore/errors';
import { strokesAt } from '../explore/strokes-at';
import { pickRows } from '../explore/thumbnails';
import type { EngineContext } from '../context';
import { modelHandlers } from './with-model';

function checkCode(model: LatentModel, code: Float32Array): void {
  if (code.length !== model.config.latentSize) throw new Error(EXPLORE_ERRORS.badCode(model.config.latentSize));
}

async function block(
  model: LatentModel,
  latents: Float32Array,
  count: number,
  cond: Conditioning,
): Promise<ImageBlock> {
  const images = await decodeLatents(model, latents, count, cond);
  const { imageSize, latentSize } = model.config;
  return { count, imageSize, images, latents, latentSize };
}

export function exploreHandlers(context: EngineContext) {
  const store = context.datasets;
  const cache = new ExploreCache(store);
  const withModel = modelHandlers(context.models);

  async function grid(req: Request<'explore:grid'>, loaded: LoadedModel): Promise<ExploreGrid> {
    const { model } = loaded;
    const k = model.config.latentSize;
    if (req.base) checkCode(model, req.base);
    const options: GridOptions = { n: req.n, range: [req.low, req.high], base: req.base };
    let axisLabels: [string, string];
    if (req.axes === 'pca' && k > 2) {
      const set = await cache.set(req.modelId, loaded);
      const result = pca(set.codes, set.count, k, 2);
      options.directions = [result.components[0], result.components[1]];
      options.scales = [Math.sqrt(result.explainedVariance[0]), Math.sqrt(result.explainedVariance[1])];
      options.base = req.base ?? result.mean;
      const pct = (i: number) => Math.round(result.explainedVarianceRatio[i] * 100);
      axisLabels = [`PC1 (${pct(0)}%)`, `PC2 (${pct(1)}%)`];
    } else {
      const dims = (req.dims ?? [0, 1]) as [number, number];
      if (dims.length !== 2 || dims[0] === dims[1] || dims.some((d) => d >= k))
        throw new Error(EXPLORE_ERRORS.badDims(k));
      options.dims = dims;
      axisLabels = [`z${dims[0]}`, `z${dims[1]}`];
      if (!req.base && model.prior && req.label !== undefined) {
        checkLabel(model, req.label);
        options.base = (await classPriorMeans(model)).slice(req.label * k, (req.label + 1) * k);
      }
    }
    const result = await decodeGrid(model, options, conditioningFor(model, req.label, 1));
    return { ...result, count: req.n * req.n, latentSize: k, axisLabels };
  }

  return {
    'explore:grid': withModel(grid),

    'explore:scatter': withModel(async (req: Request<'explore:scatter'>, loaded) => {
      const set = await cache.set(req.modelId, loaded);
      const projected = await cache.projection(req.modelId, loaded, req.projection);
      const count = Math.min(set.count, req.maxPoints ?? set.count);
      const px = set.imageSize ** 2;
      return {
        count,
        projection: req.projection,
        points: projected.points.slice(0, count * 2),
        labels: set.labels.slice(0, count),
        classNames: set.classNames,
        imageSize: set.imageSize,
        thumbnails: set.thumbnails.slice(0, count * px),
        axisLabels: projected.axisLabels,
        sourceLabel: set.sourceLabel,
      };
    }),

    'explore:project': withModel(async (req: Request<'explore:project'>, loaded) => {
      const { model } = loaded;
      const k = model.config.latentSize;
      if (req.codes.length % k !== 0) throw new Error(EXPLORE_ERRORS.badCode(k));
      const projected = await cache.projection(req.modelId, loaded, req.projection);
      return { points: projected.place(req.codes, req.codes.length / k) };
    }),

    'explore:item': withModel(async (req: Request<'explore:item'>, loaded) => {
      const { model } = loaded;
      const set = await cache.set(req.modelId, loaded);
      if (req.index >= set.count) throw new Error(EXPLORE_ERRORS.badIndex);
      const px = set.imageSize ** 2;
      const k = model.config.latentSize;
      // Strokes are a bonus: an item whose source cannot be read again still shows as an image.
      const strokes = await strokesAt(set.source, set.sourceIndex[req.index], store).catch(() => null);
      const label = set.labels[req.index];
      return {
        index: req.index,
        label,
        className: set.classNames[label] ?? String(label),
        imageSize: set.imageSize,
        image: set.images.slice(req.index * px, (req.index + 1) * px),
        strokes,
        code: set.codes.slice(req.index * k, (req.index + 1) * k),
      };
    }),

    'explore:interpolate': withModel(async (req: Request<'explore:interpolate'>, { model }) => {
      checkCode(model, req.from);
      checkCode(model, req.to);
      const frames = interpolate(req.from, req.to, req.steps, req.mode);
      const latents = new Float32Array(frames.length * model.config.latentSize);
      frames.forEach((f, i) => latents.set(f, i * model.config.latentSize));
      return block(model, latents, frames.length, conditioningFor(model, req.label, frames.length));
    }),

    'explore:samples': withModel(async (req: Request<'explore:samples'>, { model }) => {
      checkLabel(model, req.label);
      const latents = await samplePrior(model, req.count, req.seed, req.label);
      return block(model, latents, req.count, conditioningFor(model, req.label, req.count));
    }),

    'explore:class-grid': withModel(async (req: Request<'explore:class-grid'>, loaded): Promise<ExploreClassGrid> => {
      const { model } = loaded;
      if (!isConditional(model.config.kind)) throw new Error(EXPLORE_ERRORS.notConditional);
      const k = model.config.latentSize;
      const c = model.config.numClasses;
      const styles = standardNormal(req.styles, k, req.seed);
      const means = model.prior ? await classPriorMeans(model) : new Float32Array(c * k);
      const latents = new Float32Array(req.styles * c * k);
      const labels = new Int32Array(req.styles * c);
      for (let r = 0; r < req.styles; r += 1) {
        for (let j = 0; j < c; j += 1) {
          const o = (r * c + j) * k;
          for (let d = 0; d < k; d += 1) latents[o + d] = styles[r * k + d] + means[j * k + d];
          labels[r * c + j] = j;
        }
      }
      const result = await block(model, latents, req.styles * c, model.conditionalInputs ? { labels } : {});
      return { ...result, rows: req.styles, cols: c, classNames: loaded.metadata.classNames };
    }),

    'explore:blend': withModel(async (req: Request<'explore:blend'>, { model }) => {
      if (!isConditional(model.config.kind)) throw new Error(EXPLORE_ERRORS.notConditional);
      const c = model.config.numClasses;
      const total = req.weights.reduce((a, b) => a + b, 0);
      if (req.weights.length !== c || !(total > 0)) throw new Error(EXPLORE_ERRORS.badWeights(c));
      const weights = req.weights.map((w) => w / total);
      const k = model.config.latentSize;
      const latents = standardNormal(req.count, k, req.seed);
      if (req.code) {
        checkCode(model, req.code);
        latents.set(req.code, 0);
      }
      const images = await blendClasses(model, latents, req.count, weights);
      return { count: req.count, imageSize: model.config.imageSize, images, latents, latentSize: k };
    }),

    'explore:neighbours': withModel(async (req: Request<'explore:neighbours'>, loaded) => {
      const { model } = loaded;
      checkCode(model, req.code);
      const set = await cache.set(req.modelId, loaded);
      const found = nearestNeighbours(req.code, set.codes, set.count, req.k);
      const indexes = found.map((n) => n.index);
      return {
        neighbours: found.map(({ index, distance }) => ({
          index,
          distance,
          label: set.labels[index],
          className: set.classNames[set.labels[index]] ?? String(set.labels[index]),
        })),
        imageSize: set.imageSize,
        thumbnails: pickRows(set.thumbnails, set.imageSize ** 2, indexes, (n) => new Uint8Array(n)),
      };
    }),

    'explore:encode': withModel(async (req: Request<'explore:encode'>, { model }) => {
      const size = model.config.imageSize;
      if (req.image.length !== size * size) throw new Error(EXPLORE_ERRORS.badImage(size));
      return { code: await encodeImages(model, req.image, 1, conditioningFor(model, req.label, 1)) };
    }),
  };
}
