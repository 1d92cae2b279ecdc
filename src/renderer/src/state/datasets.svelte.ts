import type {
  DatasetInfo,
  ImportOutcome,
  ImportProgressEvent,
  PickedFile,
  PreviewItem,
} from '../../../shared/contract/datasets';
import { DATASET_LIMITS } from '../../../shared/contract/datasets';
import { messageOf } from '../lib/errors';
import { hostKind, studio } from '../lib/studio';

/** Bytes per upload message: base64 makes it ~4/3 larger, still far under the server's 64 MB cap. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
const PREVIEW_COUNT = 48;
/** IDX label files travel with their images (the engine reads them as siblings) but are not imported on their own. */
const LABELS_FILE = /labels-idx1-ubyte(\.gz)?$/i;

export const DATASET_UI_ERRORS = {
  tooManyFiles: `pick at most ${DATASET_LIMITS.filesPerImport} files at once`,
  nothingRead: 'nothing could be read from these files: see the problems below. Your other datasets are unchanged.',
} as const;

/**
 * The Data tab: datasets in the store, the import in progress and what the last one found. Every
 * field but `category` and `limit` (the import's options) is written by the methods.
 */
export class DatasetsState {
  datasets = $state<DatasetInfo[]>([]);
  importing = $state(false);
  /** What is happening now, in words ("Uploading cat.ndjson…"). */
  phase = $state('');
  /** 0–1, or undefined when unknown. */
  fraction = $state<number | undefined>();
  progress = $state<ImportProgressEvent | undefined>();
  outcome = $state<ImportOutcome | undefined>();
  error = $state<string | undefined>();
  selectedId = $state<string | undefined>();
  preview = $state<PreviewItem[]>([]);
  /** The category given to every imported item; empty: each file's own. */
  category = $state('');
  /** At most this many items per import; undefined: all. */
  limit = $state<number | undefined>();
  readonly canDialog = hostKind === 'electron';

  readonly selected = $derived(this.datasets.find((d) => d.id === this.selectedId));

  connect(): () => void {
    void this.refresh();
    return studio.onDatasetsImportProgress((event) => {
      this.progress = event;
      this.phase = `Reading ${event.name}: ${event.added} added`;
      this.fraction = event.fraction;
    });
  }

  async refresh(): Promise<void> {
    try {
      this.datasets = await studio.datasets.list({});
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  /** Electron: the open-file dialog; the host keeps the paths and gives us ids. */
  async pickWithDialog(): Promise<void> {
    this.error = undefined;
    try {
      const picked = await studio.dialog.openDataFiles({});
      if (picked.length) await this.importPicked(picked);
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  /** Browser mode (and drops in Electron): the bytes are uploaded in chunks, then imported. */
  async importFiles(files: File[]): Promise<void> {
    this.error = undefined;
    if (files.length === 0 || this.importing) return;
    if (files.length > DATASET_LIMITS.filesPerImport) {
      this.error = DATASET_UI_ERRORS.tooManyFiles;
      return;
    }
    this.importing = true;
    this.outcome = undefined;
    try {
      const picked = await this.upload(files);
      await this.importPicked(picked);
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.importing = false;
      this.phase = '';
    }
  }

  private async upload(files: File[]): Promise<PickedFile[]> {
    const { uploadId } = await studio.uploads.begin({ files: files.map((f) => ({ name: f.name, size: f.size })) });
    const total = files.reduce((sum, f) => sum + f.size, 0) || 1;
    let sent = 0;
    for (let index = 0; index < files.length; index++) {
      const file = files[index];
      this.phase = `Uploading ${file.name}…`;
      for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
        const bytes = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer());
        await studio.uploads.chunk({ uploadId, file: index, offset, bytes });
        sent += bytes.length;
        this.fraction = sent / total;
      }
    }
    return studio.uploads.finish({ uploadId });
  }

  private async importPicked(picked: PickedFile[]): Promise<void> {
    const files = picked.filter((f) => !LABELS_FILE.test(f.name) || picked.length === 1);
    this.importing = true;
    this.phase = 'Importing…';
    this.fraction = 0;
    try {
      const outcome = await studio.datasets.import({
        files: files.map((f) => f.id),
        ...(this.category.trim() ? { category: this.category.trim() } : {}),
        ...(this.limit ? { limit: this.limit } : {}),
      });
      this.outcome = outcome;
      if (!outcome.dataset) this.error = DATASET_UI_ERRORS.nothingRead;
      await this.refresh();
      if (outcome.dataset) await this.select(outcome.dataset.id);
    } finally {
      this.importing = false;
      this.phase = '';
      this.fraction = undefined;
    }
  }

  async cancelImport(): Promise<void> {
    await studio.datasets.cancelImport({});
  }

  async select(id: string): Promise<void> {
    this.selectedId = id;
    this.preview = [];
    try {
      this.preview = await studio.datasets.preview({ id, count: PREVIEW_COUNT });
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  async rename(id: string, name: string): Promise<void> {
    try {
      await studio.datasets.rename({ id, name });
      await this.refresh();
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await studio.datasets.delete({ id });
      if (this.selectedId === id) {
        this.selectedId = undefined;
        this.preview = [];
      }
      await this.refresh();
    } catch (error) {
      this.error = messageOf(error);
    }
  }
}
