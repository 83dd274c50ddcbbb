import { useEffect } from 'react';
import { useStore } from 'zustand';
import { BackendPanel } from '../panels/Backend/BackendPanel';
import { Controls } from '../panels/Controls/Controls';
import { Curves } from '../panels/Curves/Curves';
import { DatasetPanel } from '../panels/Dataset/DatasetPanel';
import { ErrorArea } from '../panels/Errors/ErrorArea';
import { PresetGuide } from '../panels/Presets/PresetGuide';
import { Reconstructions } from '../panels/Reconstructions/Reconstructions';
import { Samples } from '../panels/Samples/Samples';
import { viewStore } from '../store/view';
import { useDisplay } from '../ui/useDisplay';
import './layout.css';

/** Settings left, curves centre, image grids right; the run's status and buttons live in the run bar. */
export function TrainView() {
  const presenter = useDisplay((s) => s.presenter);
  const open = useStore(viewStore, (s) => s.settingsOpen);
  const close = () => viewStore.getState().setSettingsOpen(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <div className="train-view">
      <ErrorArea />
      <aside className="panel area-controls" id="experiment-settings" aria-label="Experiment settings" data-drawer={presenter} data-open={open}>
        {presenter ? (
          <div className="drawer-head">
            <h2>Settings</h2>
            <button type="button" className="btn btn-small" onClick={close}>
              Close
            </button>
          </div>
        ) : null}
        <Controls />
        <BackendPanel />
        <DatasetPanel />
      </aside>
      <div className="area-curves">
        <Curves />
      </div>
      <div className="area-grids">
        <PresetGuide />
        <Reconstructions />
        <Samples />
      </div>
    </div>
  );
}
