/** Compute backends, best first. */
export const BACKEND_NAMES = ['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** What a run can train on: a backend, or WebGL where a trainer window has no WebGPU. */
export const TRAINER_BACKEND_NAMES = [...BACKEND_NAMES, 'webgl'] as const;
export type TrainerBackendName = (typeof TRAINER_BACKEND_NAMES)[number];

/** The GPU a WebGPU adapter stands for, as the adapter describes itself. */
export interface AdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
  /** A software rasterizer (SwiftShader, lavapipe, WARP) or a fallback adapter. */
  software: boolean;
}

export interface BackendStatus {
  name: TrainerBackendName;
  available: boolean;
  /** Why it is unavailable (or why it was not tried). */
  reason?: string;
  /** webgpu only: the adapter it found (also when a software adapter was refused). */
  adapter?: AdapterInfo;
}

export interface BackendReport {
  /** The backend the engine computes with. */
  backend: BackendName;
  /** tfjs's own name for it (`tensorflow`, `wasm`, `cpu`). */
  tfBackend: string;
  statuses: BackendStatus[];
}

function isBackendName(name: string): name is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(name);
}

/**
 * The backend a run trains on when none is named: the best available one, never WebGL. WebGL
 * is trained on only when the person picks it: unlike a WebGPU adapter, its renderer is not
 * checked for being a software one, which would be far slower than wasm.
 */
export function defaultTrainingBackend(statuses: readonly BackendStatus[]): BackendName | undefined {
  for (const status of statuses) if (status.available && isBackendName(status.name)) return status.name;
  return undefined;
}
