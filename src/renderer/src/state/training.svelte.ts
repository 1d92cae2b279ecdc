import type {
  GpuSwitch,
  TrainingCapabilities,
  TrainingDoneEvent,
  TrainingRunInfo,
  TrainingSource,
} from '../../../shared/contract/training';
import { MODEL_NAME_PATTERN } from '../../../shared/contract/training';
import type { Request } from '../../../shared/contract/index';
import type {
  TrainingBatchEvent,
  TrainingEpochEvent,
  TrainingProgressEvent,
} from '../../../shared/contract/training-progress';
import {
  TRAINING_DEFAULTS,
  type SettingName,
  type TrainingSettingValues,
} from '../../../shared/contract/training-settings';
import { DEFAULT_KIND, KIND_SPECS, type ModelKind } from '../../../shared/model-kinds';
import type { EngineStatus } from '../../../shared/types/app';
import { defaultTrainingBackend, type BackendName } from '../../../shared/types/backend';
import { fileNumber, fileSafe } from '../lib/gif';
import { messageOf } from '../lib/errors';
import { studio } from '../lib/studio';
import { TrainingMapFrames } from './training-map.svelte';

export const TRAINING_UI_ERRORS = {
  badName: 'model names use letters, digits, ".", "_" and "-" (at most 120), and do not start with "."',
  noSource: 'pick a dataset to train on (import one on the Data tab)',
  engineRestarted: (epochsDone: number) =>
    epochsDone > 0
      ? `The engine stopped during training and was restarted. Epoch ${epochsDone} is kept as a checkpoint: start again with "Resume" ticked.`
      : 'The engine stopped during training and was restarted. No epoch had finished, so there is no checkpoint to resume from.',
} as const;

export interface ChartPoint {
  /** Epochs done, fractional within an epoch. */
  x: number;
  y: number;
}

/** Points kept per series: the chart is a sketch of the trend, not a log. */
const MAX_POINTS = 600;
/** Epoch strips kept on screen (the first row is always the originals). */
const MAX_STRIPS = 8;

function push(series: ChartPoint[], point: ChartPoint): ChartPoint[] {
  if (!Number.isFinite(point.y)) return series;
  const next = [...series, point];
  // Thin out every other point when full: keeps the whole run's shape with bounded memory.
  return next.length > MAX_POINTS ? next.filter((_, i) => i % 2 === 0 || i === next.length - 1) : next;
}

/** The pictures of one strip row: the originals, or their reconstructions after an epoch. */
export interface StripImages {
  imageSize: number;
  images: Float32Array[];
}

export interface EpochStrip extends StripImages {
  epoch: number;
}

/**
 * The form's settings, one per row of the settings table: a value, or none where the field is
 * empty (a setting the engine picks, such as the threads; a required one emptied is refused).
 */
export type SettingsDraft = { [K in SettingName]: TrainingSettingValues[K] | undefined | null };

export interface TrainingForm {
  source: string;
  kind: ModelKind;
  modelName: string;
  settings: SettingsDraft;
  /** Items to train on; none (an empty field) means all of them. */
  limit: number | undefined | null;
  resume: boolean;
}

/** The backend the form starts on: the one a run would take unasked (the list is best first). */
export function bestBackend(capabilities: TrainingCapabilities | undefined): BackendName | undefined {
  return defaultTrainingBackend(capabilities?.backends ?? []);
}

type StartSettings = Request<'training:start'>['settings'];

/**
 * The settings the form has a value for. An emptied field is left out: the engine picks where it
 * may (the threads), and refuses a required one by name, as the contract's schema says.
 */
function filledIn(draft: SettingsDraft): StartSettings {
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined && v !== null)) as StartSettings;
}

/** The Train tab: the form, the run in progress (from events) and how it ended. */
export class TrainingState {
  #sources = $state<TrainingSource[]>([]);
  #capabilities = $state<TrainingCapabilities | undefined>();
  /**
   * The form, bound field by field by the Train view; `refresh` also writes the source (the first
   * listed, where none is chosen) and the backend (the best available, where the chosen one is not).
   */
  form = $state<TrainingForm>({
    source: '',
    kind: DEFAULT_KIND,
    modelName: 'my-model',
    settings: { ...TRAINING_DEFAULTS },
    limit: undefined,
    resume: false,
  });
  #run = $state<TrainingRunInfo | null>(null);
  #loadingMessage = $state('');
  #batch = $state<TrainingBatchEvent | undefined>();
  #lastEpoch = $state<TrainingEpochEvent | undefined>();
  #reconstruction = $state<ChartPoint[]>([]);
  #kl = $state<ChartPoint[]>([]);
  #validation = $state<ChartPoint[]>([]);
  #validationKl = $state<ChartPoint[]>([]);
  #originals = $state<StripImages | undefined>();
  #strips = $state<EpochStrip[]>([]);
  #done = $state<TrainingDoneEvent | undefined>();
  #error = $state<string | undefined>();
  #gpuSwitch = $state<GpuSwitch | undefined>();
  #gpuSwitchAsked = $state(false);
  /** The validation codes' map after each epoch (absent from engines that do not send it). */
  readonly maps = new TrainingMapFrames();

  get sources(): readonly TrainingSource[] {
    return this.#sources;
  }
  get capabilities(): TrainingCapabilities | undefined {
    return this.#capabilities;
  }
  get run(): TrainingRunInfo | null {
    return this.#run;
  }
  get loadingMessage(): string {
    return this.#loadingMessage;
  }
  get batch(): TrainingBatchEvent | undefined {
    return this.#batch;
  }
  get lastEpoch(): TrainingEpochEvent | undefined {
    return this.#lastEpoch;
  }
  get reconstruction(): readonly ChartPoint[] {
    return this.#reconstruction;
  }
  get kl(): readonly ChartPoint[] {
    return this.#kl;
  }
  get validation(): readonly ChartPoint[] {
    return this.#validation;
  }
  get validationKl(): readonly ChartPoint[] {
    return this.#validationKl;
  }
  get originals(): StripImages | undefined {
    return this.#originals;
  }
  get strips(): readonly EpochStrip[] {
    return this.#strips;
  }
  get done(): TrainingDoneEvent | undefined {
    return this.#done;
  }
  get error(): string | undefined {
    return this.#error;
  }
  /** The GPU training switch; shown only where the host offers it (the desktop app on Linux). */
  get gpuSwitch(): GpuSwitch | undefined {
    return this.#gpuSwitch;
  }
  /** Asked to switch and not answered yet: the app may be closing to restart. */
  get gpuSwitchAsked(): boolean {
    return this.#gpuSwitchAsked;
  }

  get running(): boolean {
    return this.#run !== null;
  }

  get convWarning(): boolean {
    return KIND_SPECS[this.form.kind].convolutional && this.#capabilities?.convTrainable === false;
  }

  /** 0–1 through the whole run. */
  get fraction(): number {
    const b = this.#batch;
    if (!b) return 0;
    return (b.epoch - 1 + b.batch / b.batches) / b.epochs;
  }

  /** Follows the engine's training events; `onDone` hears of each run that ended. */
  connect(onDone?: (event: TrainingDoneEvent) => void): () => void {
    void this.refresh();
    const offProgress = studio.onTrainingProgress((event) => this.progress(event));
    const offDone = studio.onTrainingDone((event) => {
      if (this.#run && event.runId !== this.#run.runId) return;
      this.#run = null;
      this.#done = event;
      if (event.status === 'failed') this.#error = event.error;
      void this.refresh();
      onDone?.(event);
    });
    const offStatus = studio.onEngineStatus((status) => this.watchEngine(status));
    return () => {
      offProgress();
      offDone();
      offStatus();
    };
  }

  /** The engine's status: a restart mid-run ends the run (the engine that ran it is gone). */
  watchEngine(status: EngineStatus): void {
    if (this.#run && (status.state === 'restarting' || status.state === 'failed')) {
      this.#run = null;
      this.#error = TRAINING_UI_ERRORS.engineRestarted(this.#lastEpoch?.epoch ?? 0);
    }
  }

  async refresh(): Promise<void> {
    try {
      const [sources, capabilities, run, gpuSwitch] = await Promise.all([
        studio.training.sources({}),
        studio.training.capabilities({}),
        studio.training.status({}),
        studio.training.gpuSwitch({}),
      ]);
      this.#sources = sources;
      this.#capabilities = capabilities;
      this.#run = run;
      this.#gpuSwitch = gpuSwitch;
      const form = this.form;
      const chosen = capabilities.backends?.find((b) => b.name === form.settings.backend);
      if (!chosen?.available) form.settings.backend = bestBackend(capabilities);
      if (!sources.some((s) => s.id === form.source)) form.source = sources[0]?.id ?? '';
    } catch (error) {
      this.#error = messageOf(error);
    }
  }

  private progress(event: TrainingProgressEvent): void {
    if (this.#run && event.runId !== this.#run.runId) return;
    if (event.type === 'loading') {
      this.#loadingMessage = event.message;
      return;
    }
    this.#loadingMessage = '';
    if (event.type === 'batch') {
      this.#batch = event;
      const x = event.epoch - 1 + event.batch / event.batches;
      this.#reconstruction = push(this.#reconstruction, { x, y: event.reconstruction });
      this.#kl = push(this.#kl, { x, y: event.kl });
      return;
    }
    this.#lastEpoch = event;
    if (event.latentMap) this.maps.add(event.epoch, event.latentMap);
    this.#validation = push(this.#validation, { x: event.epoch, y: event.validationReconstruction });
    this.#validationKl = push(this.#validationKl, { x: event.epoch, y: event.validationKl });
    this.#originals ??= { imageSize: event.imageSize, images: event.originals };
    this.#strips = [
      ...this.#strips,
      { epoch: event.epoch, imageSize: event.imageSize, images: event.reconstructions },
    ].slice(-MAX_STRIPS);
  }

  async start(): Promise<void> {
    const f = this.form;
    this.#error = undefined;
    if (!MODEL_NAME_PATTERN.test(f.modelName)) {
      this.#error = TRAINING_UI_ERRORS.badName;
      return;
    }
    if (!f.source) {
      this.#error = TRAINING_UI_ERRORS.noSource;
      return;
    }
    this.#done = undefined;
    this.#batch = undefined;
    this.#lastEpoch = undefined;
    this.#reconstruction = [];
    this.#kl = [];
    this.#validation = [];
    this.#validationKl = [];
    this.#originals = undefined;
    this.#strips = [];
    const { beta, latentSize } = f.settings;
    const betaText = beta == null ? '' : fileNumber(beta);
    this.maps.clear(`${fileSafe(f.modelName)}-${f.kind}-beta${betaText}-latent${latentSize ?? ''}`);
    try {
      const run = await studio.training.start({
        source: f.source,
        kind: f.kind,
        modelName: f.modelName,
        settings: filledIn(f.settings),
        ...(f.limit ? { limit: f.limit } : {}),
        resume: f.resume,
      });
      // A run that failed at once may have sent its end before this reply arrived.
      const ended: TrainingDoneEvent | undefined = this.endedRun();
      if (ended?.runId !== run.runId) this.#run = run;
    } catch (error) {
      this.#error = messageOf(error);
    }
  }

  /** Read through a method: TypeScript would keep `done` narrowed to what start() set. */
  private endedRun(): TrainingDoneEvent | undefined {
    return this.#done;
  }

  async cancel(): Promise<void> {
    await studio.training.cancel({});
  }

  /**
   * Turns GPU training on or off. The app restarts to apply it, so a running training is not
   * cut short: the switch waits until it ends.
   */
  async setGpuTraining(on: boolean): Promise<void> {
    if (this.running || this.#gpuSwitchAsked || this.#gpuSwitch?.restarting) return;
    this.#error = undefined;
    this.#gpuSwitchAsked = true;
    try {
      this.#gpuSwitch = await studio.training.setGpuSwitch({ on });
    } catch (error) {
      this.#error = messageOf(error);
      // A new object, so the toggle the person clicked shows the unchanged switch again.
      if (this.#gpuSwitch) this.#gpuSwitch = { ...this.#gpuSwitch };
    } finally {
      this.#gpuSwitchAsked = false;
    }
  }
}
