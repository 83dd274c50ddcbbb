import { ProgressBar } from '../../ui/ProgressBar';
import { useTraining } from '../../ui/stores';

/** Loading progress for the data set, kept full once it is in memory. */
export function DatasetPanel() {
  const p = useTraining((s) => s.datasetProgress);
  const name = useTraining((s) => s.dataset?.name ?? 'MNIST');
  const label = p ? p.label : 'MNIST loads when training starts, then stays cached in this browser.';
  return (
    <div className="dataset">
      <h3>Dataset: {name}</h3>
      <ProgressBar testId="dataset-progress" value={p?.done ?? 0} max={p?.total ?? 1} label={label} />
    </div>
  );
}
