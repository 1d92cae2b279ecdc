import * as tf from '@tensorflow/tfjs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDurable } from '../../fs/atomic';
import { STORE_ERRORS, storeError } from './errors';

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

async function readOrExplain(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw storeError(STORE_ERRORS.missingFile, path, error);
  }
}

function bytesOf(spec: tf.io.WeightsManifestEntry): number | undefined {
  if (spec.quantization) return undefined;
  const count = spec.shape.reduce((a, b) => a * b, 1);
  return spec.dtype === 'bool' ? count : count * 4;
}

/** Reads a layers-model folder written by fileSaveHandler (or by tfjs-node / tfjs's converter). */
export function fileLoadHandler(folder: string): tf.io.IOHandler {
  return {
    load: async () => {
      const jsonPath = join(folder, MODEL_JSON);
      const text = (await readOrExplain(jsonPath)).toString('utf8');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw storeError(STORE_ERRORS.badJson, jsonPath, error);
      }
      const json = parsed as Partial<tf.io.ModelJSON> | null;
      if (!json || typeof json !== 'object' || !json.modelTopology || !Array.isArray(json.weightsManifest)) {
        throw storeError(STORE_ERRORS.notLayersModel, jsonPath);
      }
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: ArrayBuffer[] = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const file of group.paths) {
          const path = join(folder, file);
          const bytes = await readOrExplain(path);
          buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        }
      }
      const weightData = tf.io.concatenateArrayBuffers(buffers);
      const sizes = specs.map(bytesOf);
      if (sizes.every((s) => s !== undefined)) {
        const expected = sizes.reduce<number>((a, b) => a + (b ?? 0), 0);
        if (expected !== weightData.byteLength) {
          throw storeError(STORE_ERRORS.weightsSize, join(folder, json.weightsManifest[0]?.paths[0] ?? WEIGHTS_BIN));
        }
      }
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
