/**
 * The desktop app's GPU trainer: a hidden, sandboxed window without Node that runs the trainer
 * bundle on Chromium's WebGPU (WebGL as fallback). Dawn's Node binding cannot run inside
 * Electron (the V8 memory cage refuses its external buffers), so this is how the engine in its
 * utilityProcess reaches the GPU: main gives it one end of a MessageChannelMain per run and the
 * window the other, and from then on they speak the trainer protocol directly.
 */
import { BrowserWindow, type MessageChannelMain, type MessagePortMain, type RenderProcessGoneDetails } from 'electron';
import { TRAINER_FOLDER } from '../shared/csp';
import { hardenContents } from './security';

export const TRAINER_PORT_CHANNEL = 'trainer:port';
export const TRAINER_PAGE = `${TRAINER_FOLDER}/index.html`;

export const TRAINER_WINDOW_ERRORS = {
  loadFailed: (why: string) => `the GPU trainer window did not load: ${why}`,
} as const;

export interface TrainerWindowDeps {
  /** A new hidden window (createTrainerWindow in the app). */
  createWindow: () => BrowserWindow;
  newChannel: () => MessageChannelMain;
  pageUrl: string;
}

/** Isolated, sandboxed, no Node, never shown; not throttled while hidden (it trains there). */
export function createTrainerWindow(preload: string): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 320,
    height: 240,
    title: 'LatentDraw trainer',
    webPreferences: {
      // electronegativity-justified: PRELOAD_JS_CHECK — the trainer preload only forwards the
      // MessagePort main sends it to the page (src/preload/trainer.ts); it exposes no API.
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      backgroundThrottling: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** Electron's word for why a renderer went: 'crashed', 'oom', 'killed', … */
export type RendererGoneReason = RenderProcessGoneDetails['reason'];

export class TrainerWindow {
  private window: BrowserWindow | undefined;
  private loaded: Promise<void> | undefined;
  private readonly crashListeners = new Set<(reason: RendererGoneReason) => void>();

  constructor(private readonly deps: TrainerWindowDeps) {}

  /**
   * Calls `listener` each time the trainer page's renderer dies (crash, out of memory, killed):
   * the engine fails the run it was training, since that page's ports died with it.
   */
  onCrash(listener: (reason: RendererGoneReason) => void): () => void {
    this.crashListeners.add(listener);
    return () => this.crashListeners.delete(listener);
  }

  /** A port to the trainer page for one run or probe; the window is made on first use. */
  async port(): Promise<MessagePortMain> {
    const window = await this.ready();
    const { port1, port2 } = this.deps.newChannel();
    window.webContents.postMessage(TRAINER_PORT_CHANNEL, null, [port2]);
    return port1;
  }

  /** Closes the window (the engine restarted, or the app quits); the next port opens another. */
  close(): void {
    const window = this.window;
    this.window = undefined;
    this.loaded = undefined;
    if (window && !window.isDestroyed()) window.destroy();
  }

  private async ready(): Promise<BrowserWindow> {
    if (this.window && !this.window.isDestroyed() && this.loaded) {
      await this.loaded;
      return this.window;
    }
    const window = this.deps.createWindow();
    this.window = window;
    // Nothing may open or navigate from the trainer, not even its own links.
    hardenContents(window.webContents, this.deps.pageUrl, () => {});
    window.on('closed', () => {
      if (this.window === window) {
        this.window = undefined;
        this.loaded = undefined;
      }
    });
    // A dead renderer leaves its BrowserWindow behind: without this, every later port would be
    // posted to a page that is gone, and every probe and run would fail until the app restarts.
    window.webContents.on('render-process-gone', (_event, details) => this.gone(window, details.reason));
    this.loaded = window.loadURL(this.deps.pageUrl).catch((error: unknown) => {
      if (this.window === window) this.close();
      throw new Error(TRAINER_WINDOW_ERRORS.loadFailed(error instanceof Error ? error.message : String(error)), {
        cause: error,
      });
    });
    await this.loaded;
    return window;
  }

  /** The window's renderer died: let it go, so the next port opens a fresh one, and say why. */
  private gone(window: BrowserWindow, reason: RendererGoneReason): void {
    if (this.window !== window) return;
    this.close();
    for (const listener of this.crashListeners) listener(reason);
  }
}

/**
 * Chromium's switches for WebGPU on Linux, where it is still behind a flag; they must be set
 * before the app is ready, so they are passed only once the person has chosen GPU training
 * (remembered, applied from the next launch). Elsewhere WebGPU needs none.
 */
export function gpuSwitches(platform: NodeJS.Platform, gpuChosen: boolean): Array<[string, string?]> {
  if (platform !== 'linux' || !gpuChosen) return [];
  return [['enable-unsafe-webgpu'], ['enable-features', 'Vulkan']];
}
