import type { ModelSummary } from '../../../shared/types/app';
import { messageOf } from '../lib/errors';
import { studio } from '../lib/studio';

const SELECTED_KEY = 'latentdraw:selected-model';

/** The first shipped MNIST VAE is what a first launch shows; failing that, any model. */
export function defaultModel(models: readonly ModelSummary[]): ModelSummary | undefined {
  const shipped = models.filter((m) => m.origin === 'shipped');
  const isVae = (m: ModelSummary) => m.kind.includes('vae') && !m.kind.startsWith('cvae');
  return (
    shipped.find((m) => isVae(m) && /mnist/i.test(`${m.dataset} ${m.name} ${m.id}`)) ??
    shipped.find(isVae) ??
    shipped[0] ??
    models[0]
  );
}

/** The models the engine can run and the one the studio uses. */
export class ModelsState {
  list = $state<ModelSummary[]>([]);
  backend = $state<string>('');
  selectedId = $state<string | undefined>();
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | undefined>();

  get selected(): ModelSummary | undefined {
    return this.list.find((m) => m.id === this.selectedId);
  }

  get conditional(): boolean {
    const kind = this.selected?.kind ?? '';
    return kind === 'cvae' || kind === 'cvae-prior';
  }

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
    } finally {
      this.loading = false;
      this.loaded = true;
    }
  }

  select(id: string): void {
    this.selectedId = id;
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
