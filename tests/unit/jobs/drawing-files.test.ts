import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRAWING_ERRORS, DrawingFiles } from '../../../src/engine/jobs/drawing-files';
import { tempFolder } from '../../helpers/temp-folder';

const tmp = tempFolder('drawings');
afterAll(() => tmp.remove());

const stroke = { x: [1, 2, 3], y: [4, 5, 6] };

describe('saved drawings', () => {
  it('saving over a damaged file keeps the damaged one aside instead of overwriting it', async () => {
    const files = new DrawingFiles(join(tmp.dir, 'damaged'));
    await files.save('cat', [stroke], 'cat');
    const path = join(files.folder, 'cat.drawing.json');
    writeFileSync(path, '{"format":"latentdraw-drawing","drawing":[[');
    await expect(files.open('cat')).rejects.toThrow(DRAWING_ERRORS.damaged('cat'));
    await files.save('cat', [stroke, stroke], 'cat');
    expect((await files.open('cat')).drawing).toHaveLength(2);
    const kept = readdirSync(files.folder).filter((n) => n.startsWith('cat.drawing.json.damaged-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(files.folder, kept[0]), 'utf8')).toBe('{"format":"latentdraw-drawing","drawing":[[');
    // The kept file is not listed as a drawing.
    expect((await files.list()).map((d) => d.name)).toEqual(['cat']);
  });

  it('saving over a good drawing replaces it (that is what saving under a name means)', async () => {
    const files = new DrawingFiles(join(tmp.dir, 'good'));
    await files.save('dog', [stroke]);
    await files.save('dog', [stroke, stroke, stroke]);
    expect((await files.open('dog')).drawing).toHaveLength(3);
    expect(readdirSync(files.folder)).toEqual(['dog.drawing.json']);
  });
});
