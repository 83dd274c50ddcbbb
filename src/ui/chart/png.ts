import type { LegendItem } from './legend';

/** The first opaque background colour from `el` up, so a saved picture looks as it did on the page. */
function background(el: HTMLElement | null): string {
  for (let e = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return '#ffffff';
}

/**
 * A chart canvas as a picture to keep: on the page's background (the canvas itself is
 * transparent), with a strip above naming the series, since the legend is HTML, not on the canvas.
 */
export function chartPicture(canvas: HTMLCanvasElement, legend: readonly LegendItem[], font: { family: string; size: number; color: string }, title = ''): HTMLCanvasElement {
  const scale = canvas.width / (canvas.clientWidth || canvas.width);
  const strip = Math.round(font.size * 2 * scale);
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height + strip;
  const ctx = out.getContext('2d');
  if (!ctx) return canvas;
  ctx.fillStyle = background(canvas);
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, strip);
  ctx.scale(scale, scale);
  ctx.font = `${font.size}px ${font.family}`;
  ctx.textBaseline = 'middle';
  const y = strip / scale / 2;
  let x = 12;
  ctx.fillStyle = font.color;
  if (title) {
    ctx.fillText(title, x, y);
    x += ctx.measureText(title).width + 12;
  }
  for (const item of legend) {
    ctx.fillStyle = item.color;
    const line = item.mark === 'line' || item.mark === 'dotted';
    if (line) ctx.fillRect(x, y - 1, 18, 2.5);
    else {
      ctx.beginPath();
      if (item.mark === 'diamond') [[4, -5], [9, 0], [4, 5], [-1, 0]].forEach(([dx, dy]) => ctx.lineTo(x + dx, y + dy));
      else ctx.arc(x + 4, y, 4, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.fillStyle = font.color;
    const at = x + (line ? 24 : 12);
    ctx.fillText(item.name, at, y);
    x = at + ctx.measureText(item.name).width + 14;
  }
  return out;
}
