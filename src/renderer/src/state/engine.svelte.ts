import type { AppInfo, EngineStatus } from '../../../shared/types/app';
import { studio } from '../lib/studio';

/**
 * What the studio knows about its host and the engine process. `info`, `status` and `error` are
 * written by `connect` and `restart` from the engine's answers and events.
 */
export class EngineState {
  info = $state<AppInfo | undefined>();
  status = $state<EngineStatus>({ state: 'starting', restarts: 0 });
  error = $state<string | undefined>();
  /** Set when the engine stopped and came back while the studio was open; the person clears it. */
  restartNotice = $state<string | undefined>();
  private pendingNotice = false;

  readonly backend = $derived(this.status.backend?.backend ?? '…');
  readonly ready = $derived(this.status.state === 'ready');

  /** `onReady`: called each time the engine becomes ready (at start and after every restart). */
  constructor(private readonly onReady: () => void = () => {}) {}

  /** Subscribes to engine status events and reads the first status; returns the cleanup. */
  connect(): () => void {
    const off = studio.onEngineStatus((status) => {
      if (status.restarts > this.status.restarts) this.pendingNotice = true;
      if (this.pendingNotice && status.state === 'ready') {
        this.pendingNotice = false;
        this.restartNotice =
          `The engine stopped${status.lastExit ? ` (${status.lastExit})` : ''} and was restarted. ` +
          'Your drawing, datasets and saved models are safe; a training run can be resumed from its last checkpoint.';
      }
      this.follow(status);
    });
    void studio.app
      .info({})
      .then((info) => {
        this.info = info;
        this.follow(info.engine);
      })
      .catch((error: Error) => (this.error = error.message));
    return off;
  }

  async restart(): Promise<void> {
    this.follow({ ...this.status, state: 'restarting', message: 'Restarting the engine…' });
    this.follow(await studio.engine.restart({}));
  }

  private follow(status: EngineStatus): void {
    const wasReady = this.ready;
    this.status = status;
    if (!wasReady && this.ready) this.onReady();
  }
}
