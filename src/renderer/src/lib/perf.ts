/**
 * Performance API measures the UI bench reads (bench/ui/run.ts): from the input that asked for
 * an image to the moment that image was put on its canvas.
 */
export const PERF = {
  strokeToReconstruction: 'ld:stroke-to-reconstruction',
  sliderToFrame: 'ld:slider-to-frame',
  /** The engine round trips alone (request sent → answer received), to tell where time goes. */
  reconstructRoundTrip: 'ld:reconstruct-round-trip',
  decodeRoundTrip: 'ld:decode-round-trip',
  /** Pointer-up → the request leaving the renderer (the renderer's own share). */
  strokeToRequest: 'ld:stroke-to-request',
} as const;

export function measureSince(name: string, start: number): void {
  performance.measure(name, { start, end: performance.now() });
}
