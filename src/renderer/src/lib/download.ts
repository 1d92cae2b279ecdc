import { download } from '../state/files.svelte';

/** An animated GIF's bytes as a download, saved the same way as the PNG exports. */
export function saveGif(bytes: Uint8Array, fileName: string): void {
  download(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/gif' }), fileName);
}
