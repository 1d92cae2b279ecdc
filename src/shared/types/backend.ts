export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

export interface BackendStatus {
  name: BackendName;
  available: boolean;
  /** Why it is unavailable (or why it was not tried). */
  reason?: string;
}

export interface BackendReport {
  /** The backend the engine computes with. */
  backend: BackendName;
  /** tfjs's own name for it (`tensorflow`, `wasm`, `cpu`). */
  tfBackend: string;
  statuses: BackendStatus[];
}
