import { useStore } from 'zustand';
import { drawing, drawStore, type Tool } from './drawStore';

interface Props {
  /** The drawing has changed (undo, clear): what ran on the old one is stale. */
  onEdit(): void;
}

/** Pen or eraser, brush size, undo, clear, and MNIST-style centring. */
export function DrawTools({ onEdit }: Props) {
  const tool = useStore(drawStore, (s) => s.tool);
  const brush = useStore(drawStore, (s) => s.brush);
  const centre = useStore(drawStore, (s) => s.centre);
  const canUndo = useStore(drawStore, (s) => s.canUndo);
  const region = useStore(drawStore, (s) => s.region);
  const paintMask = useStore(drawStore, (s) => s.paintMask);
  const edit = (f: () => void) => () => {
    f();
    onEdit();
  };
  return (
    <div className="draw-tools">
      <div className="segmented" role="radiogroup" aria-label="Tool">
        {(['pen', 'eraser'] as Tool[]).map((t) => (
          <label key={t} className={tool === t ? 'on' : ''}>
            <input type="radio" name="draw-tool" value={t} checked={tool === t} onChange={() => drawStore.setState({ tool: t })} />
            {t === 'pen' ? 'Pen' : 'Eraser'}
          </label>
        ))}
      </div>
      {region === 'painted' ? (
        <div className="segmented" role="radiogroup" aria-label="What strokes paint">
          {([false, true] as const).map((m) => (
            <label key={String(m)} className={paintMask === m ? 'on' : ''}>
              <input type="radio" name="draw-layer" checked={paintMask === m} onChange={() => drawStore.setState({ paintMask: m })} />
              {m ? 'Paint observed pixels' : 'Draw the digit'}
            </label>
          ))}
        </div>
      ) : null}
      <label className="brush">
        <span>Brush size</span>
        <input type="range" min={1} max={5} step={0.25} value={brush} aria-valuetext={`${brush} pixels`} onChange={(e) => drawStore.setState({ brush: Number(e.target.value) })} />
        <output>{brush} px</output>
      </label>
      <div className="draw-buttons">
        <button type="button" className="btn" disabled={!canUndo} onClick={edit(() => drawing.undo())}>
          Undo
        </button>
        <button type="button" className="btn" onClick={edit(() => (drawing.clear('ink'), drawStore.setState({ base: null })))}>
          Clear
        </button>
        {region === 'painted' ? (
          <button type="button" className="btn" onClick={edit(() => drawing.clear('mask'))}>
            Clear mask
          </button>
        ) : null}
      </div>
      <label className="check">
        <input type="checkbox" checked={centre} onChange={(e) => drawStore.setState({ centre: e.target.checked })} />
        Fit and centre by mass, as MNIST does
      </label>
    </div>
  );
}
