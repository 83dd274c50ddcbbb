import { useEffect, useState } from 'react';
import type { ExportTarget, RunSummary } from '../../protocol';
import { saveBlob, saveText } from '../../ui/saveFile';
import { runsActions, showView, useRuns } from './runsStore';

/** What can be done with one saved run. Delete asks once more, on the same button. */
export function RunActions({ run }: { run: RunSummary }) {
  const current = useRuns((s) => s.currentRunId === run.id);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!confirming) return;
    const t = setTimeout(() => setConfirming(false), 5000);
    return () => clearTimeout(t);
  }, [confirming]);
  const open = () => {
    runsActions.resume(run, false);
    showView('train');
  };
  const duplicate = () => {
    runsActions.startFrom(run.config);
    showView('train');
  };
  const exportModel = async () => {
    const file = await runsActions.exportModel(run.id);
    if (file) saveText(file.text, file.fileName, 'application/json');
  };
  const exportFor = async (target: ExportTarget) => {
    const file = await runsActions.exportFor(run.id, target);
    if (file) saveBlob(new Blob([file.data], { type: 'application/zip' }), file.fileName);
  };
  return (
    <div className="run-actions">
      <button type="button" className="btn btn-small" disabled={current} onClick={open} aria-label={`Open ${run.name} in the Train view`} title="Load its weights, optimizer and curves into the Train view, paused">
        Open
      </button>
      <button type="button" className="btn btn-small" onClick={duplicate} aria-label={`Duplicate & modify ${run.name}`} title="A new run with this run's settings, ready to change in the Train view">
        Duplicate &amp; modify
      </button>
      <button type="button" className="btn btn-small" onClick={() => void exportModel()} aria-label={`Export ${run.name} as a model file`} title="Download its config and weights as one JSON file">
        Export
      </button>
      <button type="button" className="btn btn-small" onClick={() => void exportFor('tfjs')} aria-label={`Export ${run.name} for TF.js and Keras`} title="Download the encoder and decoder as TF.js Layers models (model.json + weights.bin each), in a zip">
        For TF.js
      </button>
      <button type="button" className="btn btn-small" onClick={() => void exportFor('pytorch')} aria-label={`Export ${run.name} for PyTorch`} title="Download model.py, the weights as .npz and evaluate.py, in a zip">
        For PyTorch
      </button>
      <button
        type="button"
        className="btn btn-small btn-danger"
        disabled={current}
        aria-label={confirming ? `Really delete ${run.name}?` : `Delete ${run.name}`}
        title={current ? 'This run is in the Train view: press Reset there first' : 'Delete this run from this browser'}
        onClick={() => (confirming ? void runsActions.remove(run.id) : setConfirming(true))}
      >
        {confirming ? 'Really delete?' : 'Delete'}
      </button>
    </div>
  );
}
