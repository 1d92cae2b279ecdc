import type { ModelSummary } from '../../../shared/types/app';
import { isConditionalKind } from '../../../shared/model-kinds';
import { messageOf, UI_MESSAGES } from '../lib/errors';
import { defaultModel } from '../lib/model-choice';
import { studio } from '../lib/studio';

const SELECTED_KEY = 'latentdraw:selected-model';

/** The models the engine can run and the one the studio uses. */
export class ModelsState {
  #list = $state<ModelSummary[]>([]);
  #backend = $state<string>('');
  #selectedId = $state<string | undefined>();
  #loading = $state(false);
  #loaded = $state(false);
  #error = $state<string | undefined>();

  get list(): readonly ModelSummary[] {
    return this.#list;
  }
  get backend(): string {
    return this.#backend;
  }
  get selectedId(): string | undefined {
    return this.#selectedId;
  }
  get loading(): boolean {
    return this.#loading;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get error(): string | undefined {
    return this.#error;
  }

  get selected(): ModelSummary | undefined {
    return this.#list.find((m) => m.id === this.#selectedId);
  }

  /** What a panel says while no model is selected. */
  get hint(): string {
    return this.#loaded && !this.#list.length ? UI_MESSAGES.noModels : UI_MESSAGES.pickModel;
  }

  get conditional(): boolean {
    return isConditionalKind(this.selected?.kind);
  }

  async refresh(): Promise<void> {
    this.#loading = true;
    try {
      const { models, backend } = await studio.models.list({});
      this.#list = models;
      this.#backend = backend;
      this.#error = undefined;
      if (!models.some((m) => m.id === this.#selectedId)) {
        const remembered = readRemembered();
        const pick = models.find((m) => m.id === remembered) ?? defaultModel(models);
        this.#selectedId = pick?.id;
      }
    } catch (error) {
      this.#error = messageOf(error);
    } finally {
      this.#loading = false;
      this.#loaded = true;
    }
  }

  select(id: string): void {
    this.#selectedId = id;
    try {
      localStorage.setItem(SELECTED_KEY, id);
    } catch {
      // Storage can be unavailable (private windows); the choice then lasts this session.
    }
  }
}

function readRemembered(): string | null {
  try {
    return localStorage.getItem(SELECTED_KEY);
  } catch {
    return null;
  }
}
