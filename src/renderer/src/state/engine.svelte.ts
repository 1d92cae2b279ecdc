import type { AppInfo, EngineStatus } from '../../../shared/types/app';
import { studio } from '../lib/studio';

/** What the studio knows about its host and the engine process; updated by events. */
export class EngineState {
  #info = $state<AppInfo | undefined>();
  #status = $state<EngineStatus>({ state: 'starting', restarts: 0 });
  #error = $state<string | undefined>();
  #restartNotice = $state<string | undefined>();
  private pendingNotice = false;

  get info(): AppInfo | undefined {
    return this.#info;
  }
  get status(): EngineStatus {
    return this.#status;
  }
  get error(): string | undefined {
    return this.#error;
  }
  /** Set when the engine stopped and came back while the studio was open; the person dismisses it. */
  get restartNotice(): string | undefined {
    return this.#restartNotice;
  }

  get backend(): string {
    return this.#status.backend?.backend ?? '…';
  }

  get ready(): boolean {
    return this.#status.state === 'ready';
  }

  /** Subscribes to engine status events and reads the first status; returns the cleanup. */
  connect(): () => void {
    const off = studio.onEngineStatus((status) => {
      if (status.restarts > this.#status.restarts) this.pendingNotice = true;
      if (this.pendingNotice && status.state === 'ready') {
        this.pendingNotice = false;
        this.#restartNotice =
          `The engine stopped${status.lastExit ? ` (${status.lastExit})` : ''} and was restarted. ` +
          'Your drawing, datasets and saved models are safe; a training run can be resumed from its last checkpoint.';
      }
      this.#status = status;
    });
    void studio.app
      .info({})
      .then((info) => {
        this.#info = info;
        this.#status = info.engine;
      })
      .catch((error: Error) => (this.#error = error.message));
    return off;
  }

  dismissNotice(): void {
    this.#restartNotice = undefined;
  }

  async restart(): Promise<void> {
    this.#status = { ...this.#status, state: 'restarting', message: 'Restarting the engine…' };
    this.#status = await studio.engine.restart({});
  }
}
