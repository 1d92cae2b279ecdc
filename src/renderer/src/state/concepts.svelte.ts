import type { Stroke } from '../../../shared/types/drawing';
import type { Request } from '../../../shared/contract/index';
import type { ConceptSet, Operand } from '../../../shared/contract/concepts';
import type { ArithmeticResult, Concept, DecodedImage, SampleGallery } from '../../../shared/types/latent';
import { messageOf, UI_MESSAGES } from '../lib/errors';
import { frameCoalesced, LatestOnly } from '../lib/latest-only';
import { studio } from '../lib/studio';

export type SetKind = ConceptSet['kind'];

/** One side of a new concept, as the form holds it. */
export interface SetDraft {
  kind: SetKind;
  label: number;
  items: number[];
}

export type OperandDraft = { kind: 'drawing' } | { kind: 'item'; index: number };

type ApplyRequest = Request<'concepts:apply'>;

/** Turns the form's set into the request's set (the current drawing is sent as strokes). */
export function toConceptSet(draft: SetDraft, drawing: Stroke[]): ConceptSet | undefined {
  if (draft.kind === 'label') return { kind: 'label', label: draft.label };
  if (draft.kind === 'items') return draft.items.length ? { kind: 'items', indexes: [...draft.items] } : undefined;
  return drawing.length ? { kind: 'drawings', drawings: [drawing.map((s) => ({ x: s.x, y: s.y }))] } : undefined;
}

export function toOperand(draft: OperandDraft, drawing: Stroke[]): Operand {
  return draft.kind === 'drawing' ? { kind: 'drawing', strokes: drawing } : { kind: 'item', index: draft.index };
}

/** Concept vectors of the selected model, the form that defines one, and latent arithmetic. */
export class ConceptsState {
  concepts = $state.raw<Concept[]>([]);
  selectedId = $state<string | undefined>();
  strength = $state(1);
  applied = $state.raw<DecodedImage | undefined>();
  listError = $state<string | undefined>();
  applyError = $state<string | undefined>();

  gallery = $state.raw<SampleGallery | undefined>();
  galleryError = $state<string | undefined>();
  name = $state('');
  a = $state<SetDraft>({ kind: 'label', label: 7, items: [] });
  b = $state<SetDraft>({ kind: 'label', label: 1, items: [] });
  /** Which set a click on a gallery item adds to. */
  picking = $state<'a' | 'b'>('a');
  defining = $state(false);
  defineError = $state<string | undefined>();

  operands = $state<[OperandDraft, OperandDraft, OperandDraft]>([
    { kind: 'drawing' },
    { kind: 'drawing' },
    { kind: 'drawing' },
  ]);
  arithmetic = $state.raw<ArithmeticResult | undefined>();
  arithmeticError = $state<string | undefined>();
  private modelId = '';

  private readonly applier = new LatestOnly<ApplyRequest, DecodedImage>(
    (req) => studio.concepts.apply(req),
    (image) => {
      this.applied = image;
      this.applyError = undefined;
    },
    (error) => (this.applyError = messageOf(error)),
  );
  private readonly applyNextFrame = frameCoalesced((req: ApplyRequest) => this.applier.submit(req));

  get selected(): Concept | undefined {
    return this.concepts.find((c) => c.id === this.selectedId);
  }

  async load(modelId: string): Promise<void> {
    if (modelId === this.modelId) return;
    this.modelId = modelId;
    this.concepts = [];
    this.selectedId = undefined;
    this.applied = undefined;
    this.gallery = undefined;
    this.arithmetic = undefined;
    this.a.items = [];
    this.b.items = [];
    try {
      const { concepts } = await studio.concepts.list({ modelId });
      if (this.modelId !== modelId) return;
      this.concepts = concepts;
      this.selectedId = concepts[0]?.id;
      this.listError = undefined;
    } catch (error) {
      this.listError = messageOf(error);
    }
    void this.loadGallery(modelId);
  }

  async loadGallery(modelId: string): Promise<void> {
    try {
      const gallery = await studio.concepts.samples({ modelId, count: 48 });
      if (this.modelId === modelId) {
        this.gallery = gallery;
        this.galleryError = undefined;
      }
    } catch (error) {
      if (this.modelId === modelId) this.galleryError = messageOf(error);
    }
  }

  togglePick(index: number): void {
    const set = this.picking === 'a' ? this.a : this.b;
    set.kind = 'items';
    set.items = set.items.includes(index) ? set.items.filter((i) => i !== index) : [...set.items, index];
  }

  async define(modelId: string, drawing: Stroke[]): Promise<void> {
    const name = this.name.trim();
    if (!name) {
      this.defineError = UI_MESSAGES.nameConcept;
      return;
    }
    const a = toConceptSet(this.a, drawing);
    const b = toConceptSet(this.b, drawing);
    if (!a || !b) {
      this.defineError = UI_MESSAGES.needTwoSets;
      return;
    }
    this.defining = true;
    try {
      const concept = await studio.concepts.define({ modelId, name, a, b });
      this.concepts = [...this.concepts, concept];
      this.selectedId = concept.id;
      this.name = '';
      this.defineError = undefined;
    } catch (error) {
      this.defineError = messageOf(error);
    } finally {
      this.defining = false;
    }
  }

  async remove(modelId: string, id: string): Promise<void> {
    try {
      const { concepts } = await studio.concepts.delete({ modelId, id });
      this.concepts = concepts;
      if (!concepts.some((c) => c.id === this.selectedId)) {
        this.selectedId = concepts[0]?.id;
        this.applied = undefined;
      }
    } catch (error) {
      this.listError = messageOf(error);
    }
  }

  /** Re-decodes the drawing moved by the selected concept (strength changes, new strokes). */
  apply(modelId: string, strokes: Stroke[], label?: number): void {
    const id = this.selectedId;
    if (!id || !strokes.length) {
      this.applied = undefined;
      return;
    }
    this.applyNextFrame({ modelId, id, strokes, strength: this.strength, label });
  }

  async compute(modelId: string, drawing: Stroke[], label?: number): Promise<void> {
    const [a, b, c] = this.operands.map((o) => toOperand(o, drawing));
    try {
      this.arithmetic = await studio.concepts.arithmetic({ modelId, a, b, c, label });
      this.arithmeticError = undefined;
    } catch (error) {
      this.arithmeticError = messageOf(error);
    }
  }
}
