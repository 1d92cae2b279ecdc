import type { SavedDrawingInfo } from '../../../shared/contract/drawings';
import { DRAWING_NAME_PATTERN } from '../../../shared/contract/drawings';
import type { DrawingState } from './drawing.svelte';
import { messageOf } from '../lib/errors';
import { studio } from '../lib/studio';

export const FILES_ERRORS = {
  badName: 'drawing names use letters, digits, spaces, ".", "_" and "-" (at most 80)',
  empty: 'draw something first',
  noReconstruction: 'there is no reconstruction to export yet: pick a model and draw',
} as const;

/** What the files panel needs from the studio: the drawing it saves, opens and exports. */
export interface FilesHost {
  readonly drawing: DrawingState;
}

/** Saved drawings in the data home, and exports of the current one. */
export class FilesState {
  /** The drawings saved, as `refresh` last read them. */
  saved = $state<SavedDrawingInfo[]>([]);
  /** The name the drawing is saved (and exported) under. */
  name = $state('drawing-1');
  /** What the drawing shows ("cat"), saved with it. */
  word = $state('');
  /** What the last save or open did, and what went wrong; written by the methods. */
  status = $state('');
  error = $state<string | undefined>();

  constructor(private readonly host: FilesHost) {}

  private get drawing(): DrawingState {
    return this.host.drawing;
  }

  private fail(error: unknown): void {
    this.error = messageOf(error);
  }

  async refresh(): Promise<void> {
    try {
      this.saved = await studio.drawings.list({});
    } catch (error) {
      this.fail(error);
    }
  }

  private strokes() {
    return this.drawing.snapshot();
  }

  async save(): Promise<void> {
    this.error = undefined;
    const name = this.name.trim();
    if (!DRAWING_NAME_PATTERN.test(name)) return void (this.error = FILES_ERRORS.badName);
    if (this.drawing.strokes.length === 0) return void (this.error = FILES_ERRORS.empty);
    try {
      const info = await studio.drawings.save({ name, drawing: this.strokes(), word: this.word.trim() });
      this.status = `Saved "${info.name}" (${info.strokes} strokes)`;
      await this.refresh();
    } catch (error) {
      this.fail(error);
    }
  }

  async open(name: string): Promise<void> {
    this.error = undefined;
    try {
      const file = await studio.drawings.open({ name });
      this.drawing.replace(file.drawing);
      this.name = file.name;
      this.word = file.word;
      this.status = `Opened "${file.name}"`;
    } catch (error) {
      this.fail(error);
    }
  }

  async remove(name: string): Promise<void> {
    try {
      await studio.drawings.delete({ name });
      await this.refresh();
    } catch (error) {
      this.fail(error);
    }
  }

  async exportNdjson(): Promise<void> {
    this.error = undefined;
    if (this.drawing.strokes.length === 0) return void (this.error = FILES_ERRORS.empty);
    try {
      const { text } = await studio.drawings.exportNdjson({ drawing: this.strokes(), word: this.word.trim() });
      download(new Blob([text], { type: 'application/x-ndjson' }), `${this.fileBase()}.ndjson`);
    } catch (error) {
      this.fail(error);
    }
  }

  /** PNG of a canvas area (the Konva stage, the reconstruction), its layers flattened on white. */
  async exportPng(container: Element | null, suffix: string): Promise<void> {
    this.error = undefined;
    const canvases = container ? [...container.querySelectorAll('canvas')] : [];
    if (canvases.length === 0) return void (this.error = FILES_ERRORS.noReconstruction);
    const blob = await flatten(canvases);
    download(blob, `${this.fileBase()}${suffix}.png`);
  }

  private fileBase(): string {
    return this.name.trim().replace(/[^A-Za-z0-9._-]+/g, '_') || 'drawing';
  }
}

async function flatten(canvases: HTMLCanvasElement[]): Promise<Blob> {
  const width = Math.max(...canvases.map((c) => c.width));
  const height = Math.max(...canvases.map((c) => c.height));
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const context = out.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  // Pixel-art reconstructions stay crisp when a small canvas is scaled up.
  context.imageSmoothingEnabled = false;
  for (const canvas of canvases) context.drawImage(canvas, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded'))), 'image/png'),
  );
}

/** An <a download> click: saves a file the same way in Electron and in a browser. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
