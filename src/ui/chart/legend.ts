/** One entry of a chart legend: how its mark looks. */
export interface LegendItem {
  name: string;
  color: string;
  mark: 'line' | 'dotted' | 'diamond' | 'dot';
}

/**
 * A chart's legend as buttons, so it works from the keyboard and names itself to screen readers:
 * pressing one hides or shows its series (aria-pressed = shown). Items without data are left out.
 */
export class Legend {
  readonly el: HTMLDivElement;
  private readonly hiddenSet = new Set<number>();
  private shown: (LegendItem | null)[] = [];
  private key = '';

  constructor(
    label: string,
    private readonly onChange: () => void,
  ) {
    this.el = document.createElement('div');
    this.el.className = 'chart-legend';
    this.el.setAttribute('role', 'group');
    this.el.setAttribute('aria-label', label);
  }

  hidden(i: number): boolean {
    return this.hiddenSet.has(i);
  }

  /** Shows these items (null: none at that index); rebuilt only when the set or its looks change. */
  set(items: readonly (LegendItem | null)[]): void {
    const key = JSON.stringify(items);
    if (key === this.key) return;
    this.key = key;
    this.shown = [...items];
    this.el.replaceChildren(
      ...this.shown.flatMap((item, i) => {
        if (!item) return [];
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'chart-legend-item';
        b.setAttribute('aria-pressed', String(!this.hiddenSet.has(i)));
        b.title = `Hide or show ${item.name}`;
        const swatch = document.createElement('span');
        swatch.className = `chart-swatch chart-swatch-${item.mark}`;
        swatch.style.setProperty('--swatch', item.color);
        swatch.setAttribute('aria-hidden', 'true');
        b.append(swatch, document.createTextNode(item.name));
        b.addEventListener('click', () => this.toggle(i, b));
        return [b];
      }),
    );
  }

  /** Everything shown again (a new run or model). */
  reset(): void {
    this.hiddenSet.clear();
    this.key = '';
    this.set(this.shown);
  }

  private toggle(i: number, b: HTMLButtonElement): void {
    if (this.hiddenSet.has(i)) this.hiddenSet.delete(i);
    else this.hiddenSet.add(i);
    b.setAttribute('aria-pressed', String(!this.hiddenSet.has(i)));
    this.onChange();
  }
}
