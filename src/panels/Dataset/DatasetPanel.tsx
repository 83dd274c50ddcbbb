import { useEffect, useState } from 'react';
import { onTrainerEvent } from '../../store/trainer';
import { ProgressBar } from '../../ui/ProgressBar';
import { useExperiment, useTraining } from '../../ui/stores';
import { CachePanel } from '../Cache/CachePanel';
import { UploadPanel } from '../Upload/UploadPanel';
import { refreshCatalog } from './catalogStore';
import { DatasetDetails } from './DatasetDetails';
import { DatasetPicker } from './DatasetPicker';
import { UrlImport } from './UrlImport';
import './dataset.css';

/** Choose the data before training: built-in, shapes, your own images or another site's; manage what this browser keeps. */
export function DatasetPanel() {
  const p = useTraining((s) => s.datasetProgress);
  const loadedName = useTraining((s) => s.dataset?.name);
  const waits = useExperiment((s) => s.runConfig !== null && s.runConfig.dataset !== s.config.dataset);
  const warning = useDatasetWarning();
  useEffect(() => void refreshCatalog(), []);
  const label = p ? p.label : 'Loads when training starts, then stays cached in this browser.';
  return (
    <section className="dataset" aria-labelledby="dataset-title">
      <h3 id="dataset-title">Dataset{loadedName ? `: ${loadedName}` : ''}</h3>
      <DatasetPicker />
      {waits ? <p className="field-note dataset-note">The new dataset takes effect after Reset.</p> : null}
      <DatasetDetails />
      <ProgressBar testId="dataset-progress" value={p?.done ?? 0} max={p?.total ?? 1} label={label} />
      {warning ? (
        <p className="dataset-warning" role="status">
          {warning}
        </p>
      ) : null}
      <details className="dataset-more">
        <summary>Your own images</summary>
        <UploadPanel />
      </details>
      <details className="dataset-more">
        <summary>Dataset from a URL</summary>
        <UrlImport />
      </details>
      <details className="dataset-more">
        <summary>Storage</summary>
        <CachePanel />
      </details>
    </section>
  );
}

/** The trainer's remark about the data it loaded (e.g. storage full), until the next load. */
function useDatasetWarning(): string | null {
  const [warning, setWarning] = useState<string | null>(null);
  useEffect(() => onTrainerEvent((e) => e.type === 'dataset' && setWarning(e.warning ?? null)), []);
  return warning;
}
