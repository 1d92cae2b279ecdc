import * as tf from '@tensorflow/tfjs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDurable } from '../../fs/atomic';
import { STORE_ERRORS, storeError } from './errors';
import { openInside, readInside, type InsideFile } from './read-inside';
import { MODEL_LIMITS, specBytes, specValues, topologyParameters, weightSpecProblem } from './weights-budget';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

function joinWeights(data: tf.io.WeightData): ArrayBuffer {
  return tf.io.CompositeArrayBuffer.join(data);
}

/**
 * A tf.io save handler writing the standard layers format (model.json + one weights file) with
 * node:fs, since tfjs-node's file:// handler is not available on every machine.
 */
export function fileSaveHandler(folder: string): tf.io.IOHandler {
  return tf.io.withSaveHandler(async (artifacts) => {
    const weightData = artifacts.weightData ? joinWeights(artifacts.weightData) : new ArrayBuffer(0);
    const modelJson: tf.io.ModelJSON = {
      modelTopology: artifacts.modelTopology ?? {},
      format: artifacts.format ?? 'layers-model',
      generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
      convertedBy: null,
      weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
    };
    await writeDurable(join(folder, WEIGHTS_BIN), new Uint8Array(weightData));
    await writeDurable(join(folder, MODEL_JSON), JSON.stringify(modelJson));
    return {
      modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts),
    };
  });
}

function parseModelJson(bytes: Buffer, jsonPath: string): tf.io.ModelJSON {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw storeError(STORE_ERRORS.badJson, jsonPath, error);
  }
  const json = parsed as Partial<tf.io.ModelJSON> | null;
  if (!json || typeof json !== 'object' || !json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw storeError(STORE_ERRORS.notLayersModel, jsonPath);
  }
  for (const group of json.weightsManifest as unknown[]) {
    const g = group as { paths?: unknown; weights?: unknown } | null;
    if (!g || !Array.isArray(g.paths) || !g.paths.every((p) => typeof p === 'string') || !Array.isArray(g.weights)) {
      throw storeError(STORE_ERRORS.notLayersModel, jsonPath);
    }
  }
  return json as tf.io.ModelJSON;
}

/**
 * Everything the manifest and topology declare is checked before a weight file is read or a
 * layer is built: well-formed specs with known dtypes and quantizations, a parameter count
 * within MODEL_LIMITS (for the specs and for what the topology would allocate), and weight
 * files that are regular files inside the folder whose sizes add up to exactly what the specs
 * take. Only then are the files read, so a hostile folder costs a few stat calls.
 */
async function readWeights(folder: string, within: string, json: tf.io.ModelJSON, jsonPath: string) {
  const specs: tf.io.WeightsManifestEntry[] = [];
  const names: string[] = [];
  let values = 0;
  let expected = 0;
  for (const group of json.weightsManifest) {
    for (const spec of group.weights) {
      if (weightSpecProblem(spec) !== undefined) throw storeError(STORE_ERRORS.badWeightSpec, jsonPath);
      values += specValues(spec);
      if (values > MODEL_LIMITS.parameters) throw storeError(STORE_ERRORS.tooLarge, jsonPath);
      expected += specBytes(spec);
      specs.push(spec);
    }
    names.push(...group.paths);
    if (names.length > MODEL_LIMITS.weightFiles) throw storeError(STORE_ERRORS.badWeightSpec, jsonPath);
  }
  if (new Set(names).size !== names.length) throw storeError(STORE_ERRORS.badWeightSpec, jsonPath);
  const built = topologyParameters(json.modelTopology);
  if (built === 'parameters') throw storeError(STORE_ERRORS.tooLarge, jsonPath);
  if (typeof built === 'string') throw storeError(STORE_ERRORS.unknownTopology, jsonPath);
  const files: InsideFile[] = [];
  try {
    let total = 0;
    for (const name of names) {
      const file = await openInside(folder, name, within);
      files.push(file);
      total += file.size;
      if (total > expected) throw storeError(STORE_ERRORS.weightsSize, file.path);
    }
    if (total !== expected) throw storeError(STORE_ERRORS.weightsSize, join(folder, names[0] ?? WEIGHTS_BIN));
    const buffers: ArrayBuffer[] = [];
    for (const file of files) {
      const bytes = await file.read();
      buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    }
    return { specs, weightData: tf.io.concatenateArrayBuffers(buffers) };
  } finally {
    for (const file of files) await file.close();
  }
}

/**
 * Reads a layers-model folder written by fileSaveHandler (or by tfjs-node / tfjs's converter).
 * Every file read must lie inside `within` (the whole model's folder when this is one part).
 */
export function fileLoadHandler(folder: string, within = folder): tf.io.IOHandler {
  return {
    load: async () => {
      const jsonPath = join(folder, MODEL_JSON);
      const bytes = await readInside(folder, MODEL_JSON, MODEL_LIMITS.modelJsonBytes, within);
      const json = parseModelJson(bytes, jsonPath);
      const { specs, weightData } = await readWeights(folder, within, json, jsonPath);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        weightSpecs: specs,
        weightData,
      };
    },
  };
}

export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
