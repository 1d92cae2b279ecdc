import type { Request } from '../../../shared/contract/index';
import type { ConceptSet, Operand } from '../../../shared/contract/concepts';
import type { Stroke } from '../../../shared/types/drawing';
import type { ArithmeticResult, Concept, DecodedImage, SampleGallery } from '../../../shared/types/latent';
import { messageOf, UI_MESSAGES } from '../lib/errors';
import { Job } from '../lib/job.svelte';
import { frameCoalesced, LatestOnly } from '../lib/latest-only';
import { studio } from '../lib/studio';

export type SetKind = ConceptSet['kind'];
export type SetName = 'a' | 'b';

/** One side of a new concept, as the form holds it. */
export interface SetDraft {
  kind: SetKind;
  label: number;
  items: number[];
}

export type OperandDraft = { kind: 'drawing' } | { kind: 'item'; index: number };

type ApplyRequest = Request<'concepts:apply'>;

/** What the concepts view needs from the studio: the model, its class, and the current drawing. */
export interface ConceptsHost {
  readonly modelId: string | undefined;
  /** The class a conditional model draws (undefined for the others). */
  readonly label: number | undefined;
  strokes(): Stroke[];
}

const GALLERY_COUNT = 48;

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
  readonly list = new Job<Concept[]>();
  readonly gallery = new Job<SampleGallery>();
  readonly applied = new Job<DecodedImage>();
  readonly defined = new Job<Concept>();
  readonly arithmetic = new Job<ArithmeticResult>();

  /** The concept applied to the drawing; `select` sets it (and applies it). */
  selectedId = $state<string | undefined>();
  /** How far the drawing is moved along the concept; `setStrength` sets it (and applies it). */
  strength = $state(1);
  /** The new concept's name. */
  name = $state('');
  /** The new concept's two sets, A − B. */
  sets = $state<Record<SetName, SetDraft>>({
    a: { kind: 'label', label: 7, items: [] },
    b: { kind: 'label', label: 1, items: [] },
  });
  /** Which set a click on a gallery item adds to. */
  picking = $state<SetName>('a');
  /** A, B and C of the arithmetic A − B + C. */
  operands = $state<[OperandDraft, OperandDraft, OperandDraft]>([
    { kind: 'drawing' },
    { kind: 'drawing' },
    { kind: 'drawing' },
  ]);
  private modelId: string | undefined;

  private readonly applier = new LatestOnly<ApplyRequest, DecodedImage>(
    (req) => studio.concepts.apply(req),
    (image) => this.applied.set(image),
    (error) => this.applied.fail(messageOf(error)),
  );
  private readonly applyNextFrame = frameCoalesced((req: ApplyRequest) => this.applier.submit(req));

  readonly concepts = $derived(this.list.result ?? []);
  readonly selected = $derived(this.concepts.find((c) => c.id === this.selectedId));

  constructor(private readonly host: ConceptsHost) {}

  /** Another concept on the drawing. */
  select(id: string | undefined): void {
    this.selectedId = id;
    this.apply();
  }

  setStrength(value: number): void {
    this.strength = value;
    this.apply();
  }

  /** Reads the selected model's concepts and gallery; nothing when the model is unchanged. */
  async load(): Promise<void> {
    const modelId = this.host.modelId;
    if (!modelId || modelId === this.modelId) return;
    this.modelId = modelId;
    for (const job of [this.list, this.gallery, this.applied, this.arithmetic]) job.reset();
    this.selectedId = undefined;
    this.sets.a.items = [];
    this.sets.b.items = [];
    const gallery = this.gallery.run(() => studio.concepts.samples({ modelId, count: GALLERY_COUNT }));
    const listed = await this.list.run(async () => (await studio.concepts.list({ modelId })).concepts);
    if (listed) this.select(listed[0]?.id);
    await gallery;
  }

  togglePick(index: number): void {
    const set = this.sets[this.picking];
    set.kind = 'items';
    set.items = set.items.includes(index) ? set.items.filter((i) => i !== index) : [...set.items, index];
  }

  async define(): Promise<void> {
    const modelId = this.host.modelId;
    if (!modelId) return;
    const name = this.name.trim();
    if (!name) return this.defined.fail(UI_MESSAGES.nameConcept);
    const drawing = this.host.strokes();
    const a = toConceptSet(this.sets.a, drawing);
    const b = toConceptSet(this.sets.b, drawing);
    if (!a || !b) return this.defined.fail(UI_MESSAGES.needTwoSets);
    const concept = await this.defined.run(() => studio.concepts.define({ modelId, name, a, b }));
    if (!concept) return;
    this.list.set([...this.concepts, concept]);
    this.name = '';
    this.select(concept.id);
  }

  async remove(id: string): Promise<void> {
    const modelId = this.host.modelId;
    if (!modelId) return;
    // A failed delete keeps the list it had; the error shows beside it.
    const left = await this.list.run(async () => (await studio.concepts.delete({ modelId, id })).concepts);
    if (!left) return;
    if (!left.some((c) => c.id === this.selectedId)) {
      this.applied.reset();
      this.select(left[0]?.id);
    }
  }

  /** Re-decodes the drawing moved by the selected concept (strength changes, new strokes). */
  apply(): void {
    const modelId = this.host.modelId;
    const id = this.selectedId;
    const strokes = this.host.strokes();
    if (!modelId || !id || !strokes.length) {
      this.applier.cancel();
      this.applied.reset();
      return;
    }
    this.applyNextFrame({ modelId, id, strokes, strength: this.strength, label: this.host.label });
  }

  async compute(): Promise<void> {
    const modelId = this.host.modelId;
    if (!modelId) return;
    const drawing = this.host.strokes();
    const [a, b, c] = this.operands.map((o) => toOperand(o, drawing));
    await this.arithmetic.run(() => studio.concepts.arithmetic({ modelId, a, b, c, label: this.host.label }));
  }
}
