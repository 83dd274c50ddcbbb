import { GmmPanel } from '../panels/Gmm/GmmPanel';
import { IwaePanel } from '../panels/Iwae/IwaePanel';
import { ProbePanel } from '../panels/Probe/ProbePanel';
import '../panels/StatsCommon/stats.css';

/** Statistics of the current model's latent space; each runs in the worker, alongside or between training. */
export function StatsView() {
  return (
    <div className="stats-view">
      <p className="stats-intro">
        These analyses use the model as it is now: train it (or pause it) on the Train tab first. Each runs in the background with a progress bar and can be cancelled.
      </p>
      <GmmPanel />
      <ProbePanel />
      <IwaePanel />
    </div>
  );
}
