import { useEffect, useRef, useState } from 'react';
import { loadPlotly } from './loadPlotly';
import { EXPLANATIONS } from './explanations';
import { resizePlotsIn } from './plotTheme';

/** The panel a button sits in: its closest `.panel`. */
function panelOf(el: HTMLElement | null): HTMLElement | null {
  return el?.closest<HTMLElement>('.panel') ?? null;
}

/**
 * A panel's "What am I looking at?" note and its full-screen button. Full screen uses the
 * Fullscreen API; where that is missing (iOS Safari, some frames) the panel becomes a fixed overlay.
 */
export function PanelTools({ id, title }: { id: string; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [full, setFull] = useState(false);
  const text = EXPLANATIONS[id];

  useEffect(() => {
    const panel = panelOf(ref.current);
    if (!panel) return;
    const onChange = () => {
      setFull(document.fullscreenElement === panel || panel.classList.contains('panel-overlay'));
      resizePlotsIn(panel, loadPlotly);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && panel.classList.contains('panel-overlay')) {
        panel.classList.remove('panel-overlay');
        onChange();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  const toggle = () => {
    const panel = panelOf(ref.current);
    if (!panel) return;
    if (document.fullscreenElement === panel) {
      void document.exitFullscreen();
    } else if (panel.classList.contains('panel-overlay')) {
      panel.classList.remove('panel-overlay');
      setFull(false);
      resizePlotsIn(panel, loadPlotly);
    } else if (document.fullscreenEnabled && panel.requestFullscreen) {
      panel.requestFullscreen().catch(() => {
        panel.classList.add('panel-overlay');
        setFull(true);
      });
    } else {
      panel.classList.add('panel-overlay');
      setFull(true);
      resizePlotsIn(panel, loadPlotly);
    }
  };

  return (
    <div className="panel-tools" ref={ref}>
      {text ? (
        <details className="panel-about">
          <summary>What am I looking at?</summary>
          <p data-testid={`${id}-about`}>{text}</p>
        </details>
      ) : null}
      <button type="button" className="btn btn-small panel-full" aria-pressed={full} aria-label={`Full screen: ${title}`} title={full ? 'Leave full screen (Esc)' : 'Show this panel full screen'} onClick={toggle}>
        Full screen
      </button>
    </div>
  );
}
