import type { BackendChoice } from '../../config/experiment';
import { trainingActions, useTraining } from '../../ui/stores';
import { BACKEND_TITLES, ProbeTable } from './ProbeTable';

const CHOICES: BackendChoice[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

/** Which compute backend to ask for, and what the trainer chose and why. */
export function BackendPanel() {
  const choice = useTraining((s) => s.backendChoice);
  const backend = useTraining((s) => s.backend);
  return (
    <div className="backend">
      <div className="field">
        <label htmlFor="backend-select">Backend</label>
        <select id="backend-select" value={choice} onChange={(e) => trainingActions.setBackend(e.target.value as BackendChoice)}>
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {BACKEND_TITLES[c]}
            </option>
          ))}
        </select>
      </div>
      {backend ? (
        <p className="backend-reason">
          Using <strong>{BACKEND_TITLES[backend.name as BackendChoice] ?? backend.name}</strong>: {backend.reason}
          {backend.threadNote ? <span data-testid="backend-threads-note">. Threads: {backend.threadNote}</span> : null}
        </p>
      ) : (
        <p className="field-hint">Chosen when training starts. Auto measures each backend on this device and takes the fastest.</p>
      )}
      {backend && backend.probes.length > 0 ? <ProbeTable probes={backend.probes} chosen={backend.name} /> : null}
    </div>
  );
}
