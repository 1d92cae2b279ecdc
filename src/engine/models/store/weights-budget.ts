import type * as tf from '@tensorflow/tfjs';

/**
 * What one model part may declare. The studio's largest part (the conv autoencoder) has under
 * a million parameters; the caps leave room for far bigger models and still keep a hostile
 * model.json from making tfjs allocate gigabytes before any weight is checked.
 */
export const MODEL_LIMITS = {
  /** Weights in one part, as float32 values once loaded (128 MiB). */
  parameters: 1 << 25,
  /** Values of any one layer's output for one image (64 MiB as float32). */
  activation: 1 << 24,
  weightFiles: 256,
  modelJsonBytes: 16 << 20,
} as const;

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };
const QUANTIZED_BYTES: Record<string, number> = { uint8: 1, uint16: 2, float16: 2 };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Why a weights manifest entry is refused, or undefined when it is well formed. */
export function weightSpecProblem(spec: unknown): string | undefined {
  if (!isObject(spec) || typeof spec.name !== 'string' || spec.name.length === 0 || spec.name.length > 512)
    return 'name';
  if (!Array.isArray(spec.shape) || spec.shape.length > 8 || !spec.shape.every(isCount)) return 'shape';
  if (typeof spec.dtype !== 'string' || !(spec.dtype in DTYPE_BYTES)) return 'dtype';
  if (spec.quantization === undefined) return undefined;
  const q = spec.quantization;
  if (!isObject(q) || typeof q.dtype !== 'string' || !(q.dtype in QUANTIZED_BYTES)) return 'quantization dtype';
  if (spec.dtype === 'bool') return 'quantization of bool';
  // uint8/uint16 are affine (value = q·scale + min): both must be finite numbers.
  if (q.dtype !== 'float16' && (!isFiniteNumber(q.scale) || !isFiniteNumber(q.min))) return 'quantization scale';
  for (const key of Object.keys(q)) if (!['dtype', 'scale', 'min'].includes(key)) return 'quantization field';
  return undefined;
}

/** Values in a spec (after weightSpecProblem accepted it). */
export function specValues(spec: tf.io.WeightsManifestEntry): number {
  return spec.shape.reduce((a, b) => a * b, 1);
}

/** Bytes a spec takes in the weights files: its quantized size when quantized. */
export function specBytes(spec: tf.io.WeightsManifestEntry): number {
  const per = spec.quantization ? QUANTIZED_BYTES[spec.quantization.dtype] : DTYPE_BYTES[spec.dtype];
  return specValues(spec) * per;
}

type Shape = number[];

class TopologyError extends Error {}

function need(ok: boolean, what: string): void {
  if (!ok) throw new TopologyError(what);
}

function dims(value: unknown, fallback: number[], what: string): number[] {
  const v = value === undefined || value === null ? fallback : typeof value === 'number' ? [value, value] : value;
  need(Array.isArray(v) && v.length === 2 && v.every((n) => Number.isSafeInteger(n) && n > 0), what);
  return v as number[];
}

/** Cropping2D's amounts in its three written forms (n, [rows, columns], [[top, bottom], [left, right]]). */
function cropping(value: unknown): [[number, number], [number, number]] {
  const whole = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (whole(value))
    return [
      [value, value],
      [value, value],
    ];
  need(Array.isArray(value) && value.length === 2, 'cropping');
  const [rows, columns] = value as unknown[];
  if (whole(rows) && whole(columns))
    return [
      [rows, rows],
      [columns, columns],
    ];
  const pair = (v: unknown): [number, number] => {
    need(Array.isArray(v) && v.length === 2 && v.every(whole), 'cropping');
    return v as [number, number];
  };
  return [pair(rows), pair(columns)];
}

function size(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

function checkShape(shape: Shape, layer: string): Shape {
  need(
    shape.every((n) => Number.isSafeInteger(n) && n > 0) && size(shape) <= MODEL_LIMITS.activation,
    `output of ${layer}`,
  );
  return shape;
}

function field(config: Record<string, unknown>, snake: string, camel: string): unknown {
  return config[snake] ?? config[camel];
}

/** Output shape (without the batch) and weight count of one layer, as tfjs would build it. */
function layerOutput(
  className: string,
  config: Record<string, unknown>,
  inputs: Shape[],
): { out: Shape; params: number } {
  const input = inputs[0];
  const bias = field(config, 'use_bias', 'useBias') !== false;
  const last = input ? input[input.length - 1] : 0;
  switch (className) {
    case 'InputLayer': {
      const shape = field(config, 'batch_input_shape', 'batchInputShape');
      need(Array.isArray(shape) && shape.length >= 2, 'input shape');
      return { out: (shape as number[]).slice(1), params: 0 };
    }
    case 'Dense': {
      const units = config.units;
      need(Number.isSafeInteger(units) && (units as number) > 0, 'units');
      const u = units as number;
      return { out: [...input.slice(0, -1), u], params: last * u + (bias ? u : 0) };
    }
    case 'Conv2D':
    case 'Conv2DTranspose': {
      need(input.length === 3 && field(config, 'data_format', 'dataFormat') !== 'channels_first', 'conv input');
      const filters = config.filters;
      need(Number.isSafeInteger(filters) && (filters as number) > 0, 'filters');
      const f = filters as number;
      const [kh, kw] = dims(field(config, 'kernel_size', 'kernelSize'), [1, 1], 'kernel size');
      const [sh, sw] = dims(config.strides, [1, 1], 'strides');
      const params = kh * kw * last * f + (bias ? f : 0);
      // Upper bounds ('same' padding is the larger output for Conv2D, 'valid' for the transpose).
      const out =
        className === 'Conv2D'
          ? [Math.ceil(input[0] / sh), Math.ceil(input[1] / sw), f]
          : [input[0] * sh + kh, input[1] * sw + kw, f];
      return { out, params };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      need(input.length === 3, 'pooling input');
      const pool = dims(field(config, 'pool_size', 'poolSize'), [2, 2], 'pool size');
      const [sh, sw] = dims(config.strides, pool, 'strides');
      return { out: [Math.ceil(input[0] / sh), Math.ceil(input[1] / sw), last], params: 0 };
    }
    case 'UpSampling2D': {
      need(input.length === 3, 'upsampling input');
      const [a, b] = dims(config.size, [2, 2], 'size');
      return { out: [input[0] * a, input[1] * b, last], params: 0 };
    }
    case 'Cropping2D': {
      need(input.length === 3 && field(config, 'data_format', 'dataFormat') !== 'channels_first', 'cropping input');
      const [[top, bottom], [left, right]] = cropping(config.cropping);
      const out = [input[0] - top - bottom, input[1] - left - right, last];
      need(out[0] > 0 && out[1] > 0, 'cropping');
      return { out, params: 0 };
    }
    case 'Flatten':
      return { out: [size(input)], params: 0 };
    case 'Reshape': {
      const target = field(config, 'target_shape', 'targetShape');
      need(Array.isArray(target) && target.every((n) => Number.isSafeInteger(n) && (n > 0 || n === -1)), 'target');
      const known = (target as number[]).filter((n) => n > 0);
      const rest = Math.ceil(size(input) / Math.max(1, size(known)));
      return { out: (target as number[]).map((n) => (n === -1 ? rest : n)), params: 0 };
    }
    case 'Concatenate': {
      need(inputs.length >= 1 && inputs.every((s) => s.length === input.length), 'concatenate inputs');
      const axisValue = config.axis ?? -1;
      need(Number.isSafeInteger(axisValue), 'axis');
      const axis = (axisValue as number) < 0 ? input.length + (axisValue as number) : (axisValue as number) - 1;
      need(axis >= 0 && axis < input.length, 'axis');
      const out = [...input];
      out[axis] = inputs.reduce((sum, s) => sum + s[axis], 0);
      return { out, params: 0 };
    }
    case 'BatchNormalization':
      return { out: input, params: 4 * last };
    case 'Activation':
    case 'Dropout':
    case 'ReLU':
    case 'LeakyReLU':
    case 'Softmax':
      return { out: input, params: 0 };
    default:
      throw new TopologyError(`layer class ${className.slice(0, 60)}`);
  }
}

interface LayerEntry {
  name: string;
  className: string;
  config: Record<string, unknown>;
  inbound: [string, number, number][][];
}

function layersOf(topology: unknown): { layers: LayerEntry[]; sequential: boolean } {
  let t = topology;
  if (isObject(t) && isObject(t.model_config)) t = t.model_config;
  need(isObject(t) && typeof t.class_name === 'string', 'model class');
  const model = t as Record<string, unknown>;
  const sequential = model.class_name === 'Sequential';
  need(sequential || model.class_name === 'Model' || model.class_name === 'Functional', 'model class');
  const config = model.config;
  const list = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  need(Array.isArray(list) && list.length > 0 && list.length <= 10_000, 'layers');
  const layers = (list as unknown[]).map((raw) => {
    need(isObject(raw) && typeof raw.class_name === 'string' && isObject(raw.config), 'layer');
    const layer = raw as Record<string, unknown>;
    const layerConfig = layer.config as Record<string, unknown>;
    const name = typeof layer.name === 'string' ? layer.name : String(layerConfig.name ?? '');
    const nodes = layer.inbound_nodes ?? [];
    need(Array.isArray(nodes), 'inbound nodes');
    const inbound = (nodes as unknown[]).map((node) => {
      need(Array.isArray(node), 'inbound node');
      return (node as unknown[]).map((ref) => {
        need(Array.isArray(ref) && typeof ref[0] === 'string' && isCount(ref[1]) && isCount(ref[2]), 'inbound ref');
        const r = ref as [string, number, number];
        return [r[0], r[1], r[2]] as [string, number, number];
      });
    });
    return { name, className: layer.class_name as string, config: layerConfig, inbound };
  });
  return { layers, sequential };
}

/**
 * Weights tfjs would allocate to build this topology, worked out from the layer configs alone
 * (output shapes are upper bounds). Returns a reason instead when the topology cannot be
 * followed: an unknown layer class, a shape that is not a positive size, a layer output past
 * MODEL_LIMITS.activation. Run before tf.loadLayersModel, which allocates every weight first
 * and compares with the manifest only after.
 */
export function topologyParameters(topology: unknown): number | string {
  try {
    const { layers, sequential } = layersOf(topology);
    let total = 0;
    const outputs = new Map<string, Shape>();
    let previous: Shape | undefined;
    for (const layer of layers) {
      if (sequential) {
        const first = previous === undefined;
        const inputs: Shape[] = [];
        if (first && layer.className !== 'InputLayer') {
          const shape = field(layer.config, 'batch_input_shape', 'batchInputShape');
          need(Array.isArray(shape) && shape.length >= 2, 'input shape');
          inputs.push(checkShape((shape as number[]).slice(1), layer.name));
        } else if (!first) inputs.push(previous as Shape);
        const { out, params } = layerOutput(layer.className, layer.config, inputs);
        total += params;
        previous = checkShape(out, layer.name);
      } else {
        const nodes = layer.className === 'InputLayer' ? [[]] : layer.inbound;
        need(nodes.length > 0 && nodes.length <= 64, `inbound nodes of ${layer.name}`);
        nodes.forEach((node, k) => {
          const inputs = node.map(([name, index]) => {
            const shape = outputs.get(`${name}#${index}`);
            need(shape !== undefined, `input of ${layer.name}`);
            return shape as Shape;
          });
          const { out, params } = layerOutput(layer.className, layer.config, inputs);
          // A shared layer owns one set of weights, built on its first call.
          if (k === 0) total += params;
          outputs.set(`${layer.name}#${k}`, checkShape(out, layer.name));
        });
      }
      need(total <= MODEL_LIMITS.parameters, 'parameters');
    }
    return total;
  } catch (error) {
    if (error instanceof TopologyError) return error.message;
    throw error;
  }
}
