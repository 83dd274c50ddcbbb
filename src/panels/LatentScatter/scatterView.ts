import '../../ui/chart/chart.css';
import './scatter.css';
import { Legend } from '../../ui/chart/legend';
import { Tooltip } from '../../ui/chart/tooltip';
import type { Box } from '../../ui/chart/gesture';

/**
 * The scatter's DOM: a legend row (title, class buttons, PNG), and the plotting area holding the
 * canvas, the zoom band, the reset button and the hover label. No drawing and no state here.
 */
export class ScatterView {
  readonly root: HTMLDivElement;
  readonly area: HTMLDivElement;
  readonly canvas: HTMLCanvasElement;
  readonly legend: Legend;
  readonly tooltip: Tooltip;
  readonly resetButton: HTMLButtonElement;
  readonly pngButton: HTMLButtonElement;
  private readonly band: HTMLDivElement;

  constructor(onLegend: () => void) {
    this.root = document.createElement('div');
    this.root.className = 'chart scatter-plot';
    this.root.dataset.testid = 'latent-scatter-plot';

    const bar = document.createElement('div');
    bar.className = 'scatter-toolbar';
    const title = document.createElement('span');
    title.className = 'scatter-legend-title';
    title.textContent = 'label';
    this.legend = new Legend('Classes shown (label)', onLegend);
    this.pngButton = button('PNG', 'btn btn-small secondary scatter-png', 'Save the latent scatter as a PNG file');
    this.pngButton.setAttribute('aria-label', 'Save latent scatter as PNG');
    this.pngButton.disabled = true;
    bar.append(title, this.legend.el, this.pngButton);

    this.area = document.createElement('div');
    this.area.className = 'chart-area';
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'chart-canvas';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Latent scatter of the test images (empty)');
    this.band = document.createElement('div');
    this.band.className = 'scatter-zoom-band';
    this.band.hidden = true;
    this.resetButton = button('Reset zoom', 'btn btn-small chart-reset', 'Back to the whole cloud (or double-click the chart)');
    this.resetButton.hidden = true;
    this.area.append(this.canvas, this.band, this.resetButton);
    this.tooltip = new Tooltip(this.area);
    this.root.append(bar, this.area);
  }

  /** The zoom band being dragged (canvas pixels), or none. */
  showBand(b: Box | null): void {
    this.band.hidden = !b;
    if (!b) return;
    const s = this.band.style;
    s.left = `${Math.min(b.x0, b.x1)}px`;
    s.top = `${Math.min(b.y0, b.y1)}px`;
    s.width = `${Math.abs(b.x1 - b.x0)}px`;
    s.height = `${Math.abs(b.y1 - b.y0)}px`;
  }

  setLabel(text: string): void {
    if (this.canvas.getAttribute('aria-label') !== text) this.canvas.setAttribute('aria-label', text);
  }
}

function button(text: string, className: string, title: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.title = title;
  b.textContent = text;
  return b;
}
