import type { ModelSummary } from '../../../shared/types/app';
import { isConditionalKind } from '../../../shared/model-kinds';
import { messageOf, UI_MESSAGES } from '../lib/errors';
import { defaultModel } from '../lib/model-choice';
import { studio } from '../lib/studio';

const SELECTED_KEY = 'latentdraw:selected-model';

/**
 * The models the engine can run and the one the studio uses. Every field is written by `refresh`
 * (the engine's list) or `select` (the person's choice).
 */
export class ModelsState {
  list = $state<ModelSummary[]>([]);
  backend = $state<string>('');
  selectedId = $state<string | undefined>();
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | undefined>();

  readonly selected = $derived(this.list.find((m) => m.id === this.selectedId));
  /** What a panel says while no model is selected. */
  readonly hint = $derived(this.loaded && !this.list.length ? UI_MESSAGES.noModels : UI_MESSAGES.pickModel);
  readonly conditional = $derived(isConditionalKind(this.selected?.kind));

  /**
   * `onChange`: called after the list was read again (the selected model may have been retrained
   * or be gone) and when another model is selected.
   */
  constructor(private readonly onChange: () => void = () => {}) {}

  async refresh(): Promise<void> {
    this.loading = true;
    try {
      const { models, backend } = await studio.models.list({});
      this.list = models;
      this.backend = backend;
      this.error = undefined;
      if (!models.some((m) => m.id === this.selectedId)) {
        const remembered = readRemembered();
        const pick = models.find((m) => m.id === remembered) ?? defaultModel(models);
        this.selectedId = pick?.id;
      }
    } catch (error) {
      this.error = messageOf(error);
      return;
    } finally {
      this.loading = false;
      this.loaded = true;
    }
    this.onChange();
  }

  select(id: string): void {
    if (id === this.selectedId) return;
    this.selectedId = id;
    try {
      localStorage.setItem(SELECTED_KEY, id);
    } catch {
      // Storage can be unavailable (private windows); the choice then lasts this session.
    }
    this.onChange();
  }
}

function readRemembered(): string | null {
  try {
    return localStorage.getItem(SELECTED_KEY);
  } catch {
    return null;
  }
}
