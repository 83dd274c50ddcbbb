import { useEffect, useRef, useState } from 'react';
import { loadPlotly } from './loadPlotly';
import { EXPLANATIONS } from './explanations';
import { resizePlotsIn } from './plotTheme';
import { onStageChange, toggleStage } from './stage';

/** The panel a button sits in: its closest `.panel`. */
function panelOf(el: HTMLElement | null): HTMLElement | null {
  return el?.closest<HTMLElement>('.panel') ?? null;
}

/** A panel's "What am I looking at?" note and its full-screen button (see ui/stage.ts). */
export function PanelTools({ id, title }: { id: string; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [full, setFull] = useState(false);
  const text = EXPLANATIONS[id];

  useEffect(() => {
    const panel = panelOf(ref.current);
    if (!panel) return;
    panel.dataset.panelId = id;
    return onStageChange((staged) => {
      const mine = staged === panel;
      setFull(mine);
      // Plotly charts measure their box once; a new box needs a new layout (canvas charts observe it).
      if (mine || panel.dataset.wasStaged) resizePlotsIn(panel, loadPlotly);
      if (mine) panel.dataset.wasStaged = 'true';
      else delete panel.dataset.wasStaged;
    });
  }, [id]);

  const label = full ? 'Exit full screen' : 'Full screen';
  return (
    <div className="panel-tools" ref={ref}>
      {text ? (
        <details className="panel-about">
          <summary>What am I looking at?</summary>
          <p data-testid={`${id}-about`}>{text}</p>
        </details>
      ) : null}
      <button
        type="button"
        className="btn btn-small panel-full"
        aria-pressed={full}
        aria-label={`${label}: ${title}`}
        title={full ? 'Back to the page (Esc)' : 'Show this panel filling the screen'}
        onClick={() => {
          const panel = panelOf(ref.current);
          if (panel) toggleStage(panel);
          // The button moved with its panel; keep focus on it so Enter toggles back.
          ref.current?.querySelector<HTMLButtonElement>('.panel-full')?.focus();
        }}
      >
        {label}
      </button>
    </div>
  );
}

