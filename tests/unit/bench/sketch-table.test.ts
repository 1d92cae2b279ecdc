import { describe, expect, test } from 'vitest';
import {
  PEER_OFF,
  sketchMarkdown,
  type SketchFidelity,
  type SketchSetScore,
} from '../../../bench/quality/fidelity/sketch-fidelity';
import { SKETCH_PEER_DEFAULTS, SKETCH_PEER_ERRORS } from '../../../bench/quality/fidelity/sketch-peer';

const figures = (inkIou: number, sharpness: number, faces = false): SketchSetScore => ({
  count: faces ? 50 : 299,
  inkIou,
  sharpness,
  bce: 0.25,
  ...(faces ? { details: { eyes: { kept: 3, of: 50 }, whiskers: { kept: 12, of: 49 } } } : {}),
});

function result(peer: SketchFidelity['peer']): SketchFidelity {
  return {
    sets: [
      { key: 'held-out', count: 299, inputSharpness: 0.83 },
      { key: 'faces', count: 50, inputSharpness: 0.795 },
    ],
    rows: [
      {
        name: 'cat-vae',
        kind: 'mlp-vae',
        latentSize: 32,
        validationReconstruction: 201.4,
        sets: { 'held-out': figures(0.584, 0.587), faces: figures(0.641, 0.61, true) },
      },
      {
        name: 'cat-ae',
        kind: 'strided-ae',
        latentSize: 128,
        validationReconstruction: 130.8,
        sets: { 'held-out': figures(0.8, 0.81), faces: figures(0.81, 0.82, true) },
      },
    ],
    peer,
  };
}

const rowsOf = (lines: string[]) => lines.filter((l) => l.startsWith('| cat-vae'));

describe('the sketch table', () => {
  test('a row per model and set; faces count kept details, real cats leave them to the eye', () => {
    const lines = sketchMarkdown(result({ ran: false, note: PEER_OFF, sets: {} }));
    const [heldOut, faces] = rowsOf(lines);
    expect(heldOut).toBe(
      '| cat-vae (mlp-vae, 32-d) | held-out cats (299) | 0.584 | 58.7 % | 0.2500 | by eye¹ | by eye¹ | not run² | not run² | not run² | not run² |',
    );
    expect(faces).toContain('| stroke-drawn cat faces (50) | 0.641 | 61.0 % | 0.2500 | 3 of 50 | 12 of 49 |');
    expect(lines.at(-1)).toBe(`PyTorch twin²: ${PEER_OFF}.`);
    expect(lines.join('\n')).toContain(
      'the inputs themselves score 83.0 % (held-out cats), 79.5 % (stroke-drawn cat faces),',
    );
  });

  test("a peer that could not run says why in its row's note", () => {
    const reason = SKETCH_PEER_ERRORS.noPython('/nowhere/python3');
    const lines = sketchMarkdown(result({ ran: false, note: reason, sets: {} }));
    expect(lines.at(-1)).toBe(`PyTorch twin²: ${reason}.`);
  });

  test("the peer's figures stand beside each model's on the same set, with how it was trained", () => {
    const lines = sketchMarkdown(
      result({
        ran: true,
        note: 'PyTorch twin of strided-ae',
        settings: SKETCH_PEER_DEFAULTS,
        mirrors: 'cat-vae',
        trainImages: 8028,
        validationReconstruction: 180.5,
        seconds: 900,
        sets: { 'held-out': figures(0.7, 0.8), faces: figures(0.75, 0.82, true) },
      }),
    );
    const [heldOut, faces] = rowsOf(lines);
    expect(heldOut.endsWith('| by eye¹ | by eye¹ | 0.700 | 80.0 % | by eye¹ | by eye¹ |')).toBe(true);
    expect(faces.endsWith('| 3 of 50 | 12 of 49 | 0.750 | 82.0 % | 3 of 50 | 12 of 49 |')).toBe(true);
    expect(lines.at(-1)).toContain("sketch_peer.py: strided-ae's layers in torch_models.py, 128-d code");
    expect(lines.at(-1)).toContain('the same 8028 images with the training settings of cat-vae: 30 epochs, batch 64');
    expect(lines.at(-1)).toContain('validation BCE 180.50 per image (cat-vae’s, from its own training run: 201.40).');
    // The model it does not twin leaves the twin's cells blank.
    const other = lines.filter((l) => l.startsWith('| cat-ae'));
    expect(other).toHaveLength(2);
    for (const row of other) expect(row.endsWith('|  |  |  |  |')).toBe(true);
  });
});
