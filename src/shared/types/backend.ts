/** Compute backends, best first. */
export const BACKEND_NAMES = ['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** What a run can train on: a backend, or WebGL where a trainer window has no WebGPU. */
export type TrainerBackendName = BackendName | 'webgl';

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
