import type { EngineChannelName, EventName } from '../shared/contract/index';
import type { Envelope } from '../shared/contract/envelope';
import type { EngineConfig, FromEngine } from '../shared/engine-protocol';
import type { EngineStatus } from '../shared/types/app';
import type { EngineProcess, SpawnEngine } from './engine-process';

export const SUPERVISOR_ERRORS = {
  restarted: 'The engine stopped while working on this request and has been restarted. Try again.',
  failed: 'The engine keeps stopping and was not restarted again. Restart it from the status bar.',
  startFailed: (why: string) => `The engine could not start: ${why}`,
  stopped: 'The engine was shut down.',
} as const;

interface Pending {
  resolve(envelope: Envelope<unknown>): void;
}

export interface SupervisorOptions {
  /** Crashes allowed inside `crashWindowMs` before giving up. */
  maxCrashes?: number;
  crashWindowMs?: number;
}

/**
 * Owns the engine process: starts it, matches replies to requests, and restarts it when it
 * dies. Requests in flight when it dies are answered with an error, never left hanging, and
 * the person is told through the status event.
 */
export class EngineSupervisor {
  private process: EngineProcess | undefined;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** Requests made while the engine is (re)starting: sent once it is ready. */
  private queue: Array<{ send: () => void; fail: (message: string) => void }> = [];
  private ready = false;
  private stopping = false;
  private crashTimes: number[] = [];
  private statusListeners = new Set<(status: EngineStatus) => void>();
  private eventListeners = new Set<(name: EventName, payload: unknown) => void>();
  status: EngineStatus = { state: 'starting', restarts: 0 };

  constructor(
    private readonly spawn: SpawnEngine,
    private readonly config: EngineConfig,
    private readonly options: SupervisorOptions = {},
  ) {}

  get pid(): number | undefined {
    return this.process?.pid;
  }

  start(): void {
    this.stopping = false;
    this.launch();
  }

  /** Resolves once the engine has chosen its backend (or failed to start). */
  whenReady(): Promise<EngineStatus> {
    if (this.ready || this.status.state === 'failed') return Promise.resolve(this.status);
    return new Promise((resolve) => {
      const off = this.onStatus((status) => {
        if (status.state === 'ready' || status.state === 'failed') {
          off();
          resolve(status);
        }
      });
    });
  }

  onStatus(listener: (status: EngineStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onEvent(listener: (name: EventName, payload: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  request(channel: EngineChannelName, payload: unknown): Promise<Envelope<unknown>> {
    if (this.status.state === 'failed') {
      return Promise.resolve({ ok: false, error: { message: SUPERVISOR_ERRORS.failed, code: 'engine-failed' } });
    }
    return new Promise((resolve) => {
      const send = () => {
        const id = this.nextId++;
        this.pending.set(id, { resolve });
        this.process?.send({ kind: 'request', id, channel, payload });
      };
      const fail = (message: string) => resolve({ ok: false, error: { message, code: 'engine-stopped' } });
      if (this.ready) send();
      else this.queue.push({ send, fail });
    });
  }

  /** Kills the engine and starts a fresh one (also clears a 'failed' state). */
  restart(reason = 'restarted on request'): void {
    this.crashTimes = [];
    this.status = { ...this.status, state: 'restarting', message: reason };
    const old = this.process;
    this.process = undefined;
    old?.kill();
    this.failPending();
    this.launch();
  }

  stop(): void {
    this.stopping = true;
    this.process?.kill();
    this.process = undefined;
    this.failPending(SUPERVISOR_ERRORS.stopped);
    for (const queued of this.queue.splice(0)) queued.fail(SUPERVISOR_ERRORS.stopped);
  }

  private launch(): void {
    this.ready = false;
    const child = this.spawn();
    this.process = child;
    child.onMessage((message) => {
      if (this.process === child) this.receive(message);
    });
    child.onExit((code, signal) => {
      if (this.process === child) this.crashed(code, signal);
    });
    child.send({ kind: 'init', config: this.config });
  }

  private receive(message: FromEngine): void {
    switch (message.kind) {
      case 'ready':
        this.ready = true;
        this.setStatus({ ...this.status, state: 'ready', backend: message.backend });
        for (const queued of this.queue.splice(0)) queued.send();
        return;
      case 'fatal':
        if (!this.ready) {
          this.setStatus({
            ...this.status,
            state: 'failed',
            message: SUPERVISOR_ERRORS.startFailed(message.error.message),
          });
          this.failPending(this.status.message);
          for (const queued of this.queue.splice(0)) queued.fail(this.status.message ?? SUPERVISOR_ERRORS.failed);
        } else {
          this.setStatus({ ...this.status, message: message.error.message });
        }
        return;
      case 'response': {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        pending?.resolve(message.envelope);
        return;
      }
      case 'event':
        for (const listener of this.eventListeners) listener(message.name, message.payload);
        return;
      case 'trainer-port-request':
        // Only Electron has a trainer window; its process wrapper answers before this point.
        return;
    }
  }

  private crashed(code: number | null, signal: string | null): void {
    this.process = undefined;
    this.ready = false;
    this.failPending();
    if (this.stopping) return;
    const now = Date.now();
    const window = this.options.crashWindowMs ?? 60_000;
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < window), now];
    const why = signal ? `killed by ${signal}` : `exited with code ${code}`;
    if (this.crashTimes.length > (this.options.maxCrashes ?? 5)) {
      this.setStatus({ ...this.status, state: 'failed', message: `${SUPERVISOR_ERRORS.failed} (last: ${why})` });
      for (const queued of this.queue.splice(0)) queued.fail(SUPERVISOR_ERRORS.failed);
      return;
    }
    this.setStatus({
      ...this.status,
      state: 'restarting',
      restarts: this.status.restarts + 1,
      lastExit: why,
      message: `The engine stopped (${why}) and is being restarted. Your drawings, datasets and saved models are safe.`,
    });
    this.launch();
  }

  private failPending(message: string = SUPERVISOR_ERRORS.restarted): void {
    const code = message === SUPERVISOR_ERRORS.restarted ? 'engine-restarted' : 'engine-stopped';
    for (const pending of this.pending.values()) pending.resolve({ ok: false, error: { message, code } });
    this.pending.clear();
  }

  private setStatus(status: EngineStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
