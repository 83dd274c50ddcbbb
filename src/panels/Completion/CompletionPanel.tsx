import { CompletionSettings } from './CompletionSettings';
import './completion.css';
import { ElboChart } from './ElboChart';
import { completionActions, useCompletion } from './instance';
import { MethodColumn } from './MethodColumn';
import { PanelTools } from '../../ui/PanelTools';

interface Props {
  /** The image to complete and its observed pixels, as they are now. */
  input(): { pixels: Float32Array; mask: Uint8Array };
}

/** Both completions side by side, the fit's partial-ELBO curve, and their settings. */
export function CompletionPanel({ input }: Props) {
  const running = useCompletion((s) => s.amortized.status === 'running' || s.optimize.status === 'running');
  const run = () => {
    const { pixels, mask } = input();
    completionActions.run(pixels, mask);
  };
  return (
    <section className="panel completion-panel" aria-labelledby="completion-title">
      <div className="panel-head">
        <h2 id="completion-title">Completion</h2>
        <div className="completion-buttons">
          <button type="button" className="btn btn-primary" onClick={run}>
            Complete
          </button>
          <button type="button" className="btn" disabled={!running} onClick={completionActions.cancel}>
            Cancel
          </button>
        </div>
      </div>
      <PanelTools id="completion" title="Completion" />
      <div className="method-columns">
        <MethodColumn method="amortized" />
        <MethodColumn method="optimize" />
      </div>
      <ElboChart />
      <CompletionSettings />
    </section>
  );
}
