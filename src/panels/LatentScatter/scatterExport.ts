import { chartPicture } from '../../ui/chart/png';
import { saveCanvas } from '../../ui/saveFile';
import { LABEL_COLORS } from './scatterSpec';

/** Saves the scatter as a PNG, with a strip naming the colours of the classes shown. */
export function saveScatterPng(canvas: HTMLCanvasElement, shown: readonly number[], font: { family: string; size: number; color: string }): void {
  const items = shown.map((l) => ({ name: String(l), color: LABEL_COLORS[l], mark: 'dot' as const }));
  saveCanvas(chartPicture(canvas, items, font, 'label'), 'latent-scatter.png');
}
