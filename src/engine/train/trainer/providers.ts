import type { BackendReport, BackendStatus, TrainerBackendName } from '../../../shared/types/backend';
import { trainingBackends } from '../../backend/select';
import { softwareAllowed } from '../../backend/webgpu-node';
import { threadTrainer, type TrainerLink } from './link';
import { TRAINER_ERRORS, type FromTrainer } from './protocol';
import { checkWindowPayload } from './window-payload';

/** Where the engine's training runs go: threads of its own, or a trainer window for the GPU. */
export interface TrainerProvider {
  /** Every backend a run could train on, best first, with why not. */
  backends(report: BackendReport): Promise<BackendStatus[]>;
  /** A trainer for one run on `backend` (absent: the best this provider has). */
  open(backend: TrainerBackendName | undefined): Promise<TrainerLink>;
}

/** Plain Node (CLI, browser mode): every backend on a worker thread, WebGPU through Dawn. */
export function threadTrainers(wasmDir?: string): TrainerProvider {
  return {
    backends: (report) => trainingBackends(report),
    open: async () => threadTrainer({ wasmDir }),
  };
}

/** A MessagePort as the engine sees it in Electron's utilityProcess (MessagePortMain). */
export interface TrainerPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  start(): void;
  close(): void;
}

/** A trainer window's link, which also hears from the host that the window's renderer died. */
export interface WindowTrainerLink extends TrainerLink {
  crashed(reason: string): void;
}

/**
 * How long a closed window port waits for the host's crash notice before calling it a plain
 * close: the port's close and the notice come by different routes, in either order.
 */
export const CRASH_NOTICE_WAIT_MS = 1_000;

/** A link over a port to the trainer window; `live` holds it while it is open. */
export function portTrainer(port: TrainerPort, live?: Set<WindowTrainerLink>): WindowTrainerLink {
  let closing = false;
  let lostWhy: string | undefined;
  let wait: ReturnType<typeof setTimeout> | undefined;
  const lostHandlers: Array<(why: string) => void> = [];
  const lose = (why: string) => {
    if (closing || lostWhy !== undefined) return;
    lostWhy = why;
    clearTimeout(wait);
    live?.delete(link);
    for (const handler of lostHandlers) handler(why);
  };
  port.start();
  port.on('close', () => {
    if (!closing) wait ??= setTimeout(() => lose(TRAINER_ERRORS.windowClosed), CRASH_NOTICE_WAIT_MS);
  });
  const link: WindowTrainerLink = {
    post: (message) => port.postMessage(checkWindowPayload(message)),
    onMessage: (handler) => port.on('message', (event) => handler(event.data as FromTrainer)),
    onLost: (handler) => {
      lostHandlers.push(handler);
      if (lostWhy !== undefined) handler(lostWhy);
    },
    crashed: (reason) => lose(TRAINER_ERRORS.crashed(reason)),
    close: async () => {
      closing = true;
      clearTimeout(wait);
      live?.delete(link);
      port.close();
    },
  };
  live?.add(link);
  return link;
}

const GPU_IN_WINDOW: readonly TrainerBackendName[] = ['webgpu', 'webgl'];

/**
 * The desktop app: Dawn cannot run inside Electron, so GPU runs go to a hidden trainer window
 * (Chromium's WebGPU, WebGL as fallback) through a port main hands over; the rest run on
 * threads as in plain Node.
 */
export function windowTrainers(
  openPort: (backend?: TrainerBackendName) => Promise<TrainerPort>,
  wasmDir?: string,
): TrainerProvider & { windowGone(reason: string): void } {
  const threads = threadTrainers(wasmDir);
  const live = new Set<WindowTrainerLink>();
  return {
    /** The host saw the window's renderer die: every open link to it fails with the reason. */
    windowGone(reason) {
      for (const link of [...live]) link.crashed(reason);
    },
    async backends(report) {
      const own = report.statuses.filter((s) => s.name !== 'webgpu');
      let gpu: BackendStatus[];
      try {
        gpu = await probeWindow(portTrainer(await openPort(), live));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        gpu = [{ name: 'webgpu', available: false, reason }];
      }
      const webgpu = gpu.find((s) => s.name === 'webgpu') ?? { name: 'webgpu', available: false, reason: 'not probed' };
      // Where the window has no WebGPU (Linux without Chromium's switches), WebGL is a choice.
      const webgl = gpu.find((s) => s.name === 'webgl' && s.available);
      const inWindow = !webgpu.available && webgl ? [webgpu, webgl] : [webgpu];
      const [first, ...rest] = own;
      return first?.name === 'tensorflow-gpu' ? [first, ...inWindow, ...rest] : [...inWindow, ...own];
    },
    async open(backend) {
      return backend && GPU_IN_WINDOW.includes(backend)
        ? portTrainer(await openPort(backend), live)
        : threads.open(backend);
    },
  };
}

const PROBE_TIMEOUT_MS = 10_000;

function probeWindow(link: TrainerLink): Promise<BackendStatus[]> {
  return new Promise<BackendStatus[]>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(TRAINER_ERRORS.lost('no answer from the trainer window'))),
      PROBE_TIMEOUT_MS,
    );
    link.onMessage((message) => {
      if (message.type !== 'probed') return;
      clearTimeout(timer);
      resolve(message.statuses);
    });
    link.onLost((why) => {
      clearTimeout(timer);
      reject(new Error(TRAINER_ERRORS.lost(why)));
    });
    link.post({ type: 'probe', allowSoftware: softwareAllowed() });
  }).finally(() => void link.close());
}
