import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { concept } from '../../helpers/studio-answers';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));

stubAnimationFrame();
const { ConceptsState } = await import('../../../src/renderer/src/state/concepts.svelte');
const { UI_MESSAGES } = await import('../../../src/renderer/src/lib/errors');

const STROKES = [{ x: [1, 2], y: [3, 4] }];

describe('ConceptsState', () => {
  let host: { modelId: string | undefined; label: number | undefined; strokes: () => typeof STROKES };
  beforeEach(() => {
    fake.current = fakeStudioApi();
    host = { modelId: 'user:m', label: undefined, strokes: () => STROKES };
    fake.current.call('concepts:list').mockResolvedValue({ concepts: [concept('c-a'), concept('c-b')] });
    fake.current.call('concepts:samples').mockResolvedValue({ items: [], classNames: [], size: 28, total: 0 });
  });

  test('loads the model’s concepts once per model and selects the first', async () => {
    const concepts = new ConceptsState(host);
    await concepts.load();
    await concepts.load();
    expect(fake.current.call('concepts:list')).toHaveBeenCalledTimes(1);
    expect(concepts.concepts.map((c) => c.id)).toEqual(['c-a', 'c-b']);
    expect(concepts.selectedId).toBe('c-a');
    host.modelId = 'user:other';
    await concepts.load();
    expect(fake.current.call('concepts:list')).toHaveBeenLastCalledWith({ modelId: 'user:other' });
  });

  test('define refuses a missing name or an empty set with the UI messages, then sends the sets', async () => {
    const concepts = new ConceptsState(host);
    await concepts.load();
    await concepts.define();
    expect(concepts.defined.error).toBe(UI_MESSAGES.nameConcept);
    concepts.name = '  roundness ';
    concepts.sets.a.kind = 'items';
    await concepts.define();
    expect(concepts.defined.error).toBe(UI_MESSAGES.needTwoSets);
    concepts.togglePick(4);
    concepts.picking = 'b';
    concepts.sets.b.kind = 'drawings';
    fake.current.call('concepts:define').mockResolvedValue(concept('c-new'));
    await concepts.define();
    expect(fake.current.call('concepts:define')).toHaveBeenCalledWith({
      modelId: 'user:m',
      name: 'roundness',
      a: { kind: 'items', indexes: [4] },
      b: { kind: 'drawings', drawings: [STROKES] },
    });
    expect([concepts.selectedId, concepts.name, concepts.defined.error]).toEqual(['c-new', '', undefined]);
    expect(concepts.concepts).toHaveLength(3);
  });

  test('a failed delete keeps the list and shows the engine’s message', async () => {
    const concepts = new ConceptsState(host);
    await concepts.load();
    fake.current.call('concepts:delete').mockRejectedValue(new Error('that concept vector no longer exists'));
    await concepts.remove('c-a');
    expect(concepts.concepts).toHaveLength(2);
    expect(concepts.list.error).toBe('that concept vector no longer exists');
  });

  test('arithmetic sends the drawing and the picked items with the host’s class', async () => {
    host.label = 3;
    const concepts = new ConceptsState(host);
    await concepts.load();
    concepts.operands[1] = { kind: 'item', index: 9 };
    fake.current.call('concepts:arithmetic').mockResolvedValue({ images: [], size: 28 });
    await concepts.compute();
    expect(fake.current.call('concepts:arithmetic')).toHaveBeenCalledWith({
      modelId: 'user:m',
      a: { kind: 'drawing', strokes: STROKES },
      b: { kind: 'item', index: 9 },
      c: { kind: 'drawing', strokes: STROKES },
      label: 3,
    });
    expect(concepts.arithmetic.result).toEqual({ images: [], size: 28 });
  });
});
