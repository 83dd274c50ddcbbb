/**
 * A hover label inside a chart's (positioned) container: plain text lines, placed beside the
 * pointer and kept inside the container.
 */
export class Tooltip {
  readonly el: HTMLDivElement;

  constructor(private readonly container: HTMLElement) {
    this.el = document.createElement('div');
    this.el.className = 'chart-tooltip';
    this.el.hidden = true;
    container.appendChild(this.el);
  }

  show(x: number, y: number, lines: readonly string[]): void {
    this.el.replaceChildren(
      ...lines.map((line) => {
        const div = document.createElement('div');
        div.textContent = line;
        return div;
      }),
    );
    this.el.hidden = false;
    const gap = 12;
    const w = this.el.offsetWidth;
    const h = this.el.offsetHeight;
    const cw = this.container.clientWidth;
    const ch = this.container.clientHeight;
    // Right of the pointer, or left of it near the right edge; never past the top or bottom.
    const left = x + gap + w <= cw ? x + gap : Math.max(0, x - gap - w);
    const top = Math.min(Math.max(0, y - h / 2), Math.max(0, ch - h));
    this.el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
