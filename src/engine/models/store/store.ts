import * as tf from '@tensorflow/tfjs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KIND_SPECS } from '../../../shared/model-kinds';
import { wrap } from '../wrap';
import type { LatentModel } from '../types';
import { recoverFolder, writeDurable, writeFolderReplacing } from '../../fs/atomic';
import { STORE_ERRORS, storeError } from './errors';
import { fileLoadHandler, fileSaveHandler, isFolder } from './fs-io';
import { readInside } from './read-inside';
import { checkModelTarget } from './save-target';
import {
  configOf,
  METADATA_FILE,
  METADATA_MAX_BYTES,
  type ModelMetadata,
  metadataProblem,
  MODEL_FORMAT_VERSION,
  MODEL_PARTS,
} from './metadata';

export interface LoadedModel {
  model: LatentModel;
  metadata: ModelMetadata;
}

/** Writes the parts into `folder` as it is (no temp folder): used inside atomic writers. */
export async function writeModelParts(model: LatentModel, folder: string, metadata: ModelMetadata): Promise<void> {
  for (const name of MODEL_PARTS) {
    const part: tf.LayersModel | undefined = model[name];
    if (!part) continue;
    const partFolder = join(folder, name);
    await mkdir(partFolder, { recursive: true });
    await part.save(fileSaveHandler(partFolder));
  }
  await writeDurable(join(folder, METADATA_FILE), JSON.stringify(metadata, null, 2));
}

/**
 * Saves a model folder so that a kill at any instant leaves the old or the new model loadable:
 * written into a folder beside it, committed by a rename, then renamed into place. Only a new
 * path, an empty folder or a model saved earlier is replaced (checkModelTarget).
 */
export async function saveModel(model: LatentModel, folder: string, metadata: ModelMetadata): Promise<void> {
  await recoverModelFolder(folder);
  await checkModelTarget(folder);
  try {
    await writeFolderReplacing(folder, (temp) => writeModelParts(model, temp, metadata));
  } catch (error) {
    throw storeError(STORE_ERRORS.saveFailed, folder, error);
  }
}

/**
 * Puts back what an interrupted save left (see recoverFolder). Every way in to a model folder
 * runs it (the CLI as well as the studio), so no manual step is ever needed. A folder that
 * cannot be written (a shipped model) is read as it is.
 */
async function recoverModelFolder(folder: string): Promise<void> {
  await recoverFolder(folder).catch(() => undefined);
}

export async function readMetadata(folder: string): Promise<ModelMetadata> {
  await recoverModelFolder(folder);
  if (!(await isFolder(folder))) throw storeError(STORE_ERRORS.notAFolder, folder);
  const path = join(folder, METADATA_FILE);
  const text = (await readInside(folder, METADATA_FILE, METADATA_MAX_BYTES)).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw storeError(STORE_ERRORS.badJson, path, error);
  }
  const problem = metadataProblem(value);
  if (problem === 'format version') throw storeError(STORE_ERRORS.newerFormat, path);
  if (problem) throw storeError(STORE_ERRORS.notOurs, path);
  const meta = value as ModelMetadata;
  if (meta.formatVersion > MODEL_FORMAT_VERSION) throw storeError(STORE_ERRORS.newerFormat, path);
  return meta;
}

async function loadPart(folder: string, name: string): Promise<tf.LayersModel> {
  try {
    return await tf.loadLayersModel(fileLoadHandler(join(folder, name), folder));
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (Object.values(STORE_ERRORS).some((m) => message.startsWith(m))) throw error;
    throw storeError(STORE_ERRORS.notLayersModel, join(folder, name, 'model.json'), error);
  }
}

/** Metadata cross-checked against the parts' real inputs and outputs. */
function checkShapes(
  meta: ModelMetadata,
  folder: string,
  encoder: tf.LayersModel,
  decoder: tf.LayersModel,
  prior: tf.LayersModel | undefined,
): void {
  const pixels = meta.imageSize * meta.imageSize;
  const encoderJson = join(folder, 'encoder', 'model.json');
  const decoderJson = join(folder, 'decoder', 'model.json');
  const width = (t: tf.SymbolicTensor | undefined) => (t?.shape.length === 2 ? t.shape[1] : undefined);
  if (width(encoder.inputs[0]) !== pixels) throw storeError(STORE_ERRORS.partMismatch, encoderJson);
  if (width(encoder.outputs[0]) !== meta.latentSize) throw storeError(STORE_ERRORS.partMismatch, encoderJson);
  if (width(decoder.inputs[0]) !== meta.latentSize || width(decoder.outputs[0]) !== pixels) {
    throw storeError(STORE_ERRORS.partMismatch, decoderJson);
  }
  // A kind conditioned through its inputs takes the one-hot label as a second input of both parts.
  const labelInputs = KIND_SPECS[meta.kind].conditioning === 'inputs' ? 2 : 1;
  for (const [part, path] of [
    [encoder, encoderJson],
    [decoder, decoderJson],
  ] as const) {
    if (part.inputs.length !== labelInputs) throw storeError(STORE_ERRORS.metadataMismatch, path);
    if (labelInputs === 2 && width(part.inputs[1]) !== meta.numClasses) {
      throw storeError(STORE_ERRORS.metadataMismatch, path);
    }
  }
  if (prior && (width(prior.inputs[0]) !== meta.numClasses || width(prior.outputs[0]) !== meta.latentSize)) {
    throw storeError(STORE_ERRORS.metadataMismatch, join(folder, 'prior', 'model.json'));
  }
}

/** Loads a model folder; every failure names the file at fault. */
export async function loadModel(folder: string): Promise<LoadedModel> {
  const metadata = await readMetadata(folder);
  const loaded: tf.LayersModel[] = [];
  try {
    const encoder = await loadPart(folder, 'encoder');
    loaded.push(encoder);
    const decoder = await loadPart(folder, 'decoder');
    loaded.push(decoder);
    const prior = KIND_SPECS[metadata.kind].parts.includes('prior') ? await loadPart(folder, 'prior') : undefined;
    if (prior) loaded.push(prior);
    checkShapes(metadata, folder, encoder, decoder, prior);
    return {
      model: wrap(configOf(metadata), encoder, decoder, prior),
      metadata,
    };
  } catch (error) {
    for (const part of loaded) part.dispose();
    throw error;
  }
}
