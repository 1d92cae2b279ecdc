import type { TrainingLatentMap } from '../../../../shared/contract/training';
import { labelColour } from '../../lib/image';
import { mapPixel, type MapBounds } from '../../lib/map-bounds';

const UNLABELLED = '#6c7891';

/**
 * One epoch's map of validation codes on a size × size canvas context (CSS pixels): paper, the
 * prior's 1σ and 2σ rings where the axes are the code's own, then one dot per code coloured by
 * class. The live view and the GIF frames both paint with this, so they look the same.
 */
export function paintTrainingMap(
  context: CanvasRenderingContext2D,
  map: TrainingLatentMap,
  bounds: MapBounds,
  size: number,
  caption: string,
): void {
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  const [ox, oy] = mapPixel(bounds, size, 0, 0);
  const unit = mapPixel(bounds, size, 1, 0)[0] - ox;
  context.strokeStyle = '#c9cdd6';
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(0, oy);
  context.lineTo(size, oy);
  context.moveTo(ox, 0);
  context.lineTo(ox, size);
  context.stroke();
  if (map.axes === 'dims') {
    context.setLineDash([4, 4]);
    for (const r of [1, 2]) {
      context.beginPath();
      context.arc(ox, oy, r * unit, 0, 2 * Math.PI);
      context.stroke();
    }
    context.setLineDash([]);
  }
  const dot = Math.max(2, size / 160);
  context.globalAlpha = 0.8;
  const labels = map.labels;
  // One fill per class: hundreds of points become ten fills.
  const classes = new Set<number>(labels);
  for (const label of classes) {
    context.fillStyle = label >= 0 ? labelColour(label) : UNLABELLED;
    context.beginPath();
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== label) continue;
      const [x, y] = mapPixel(bounds, size, map.x[i], map.y[i]);
      context.moveTo(x + dot, y);
      context.arc(x, y, dot, 0, 2 * Math.PI);
    }
    context.fill();
  }
  context.globalAlpha = 1;
  context.fillStyle = '#1b1d22';
  context.font = `${Math.max(11, Math.round(size / 28))}px system-ui, sans-serif`;
  context.textBaseline = 'top';
  context.fillText(caption, 8, 6);
}
