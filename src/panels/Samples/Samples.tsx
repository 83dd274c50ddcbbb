import { timelineStore } from '../../store/stores';
import { subscribeImages } from '../../store/trainer';
import { ImageGrid } from '../../ui/ImageGrid';
import { PanelTools } from '../../ui/PanelTools';
import { GridMoment } from '../Timeline/MomentCaption';
import { snapshotGridSource } from '../Timeline/sources';

// Live from training, or the training timeline's moment while it is scrubbed back.
const source = snapshotGridSource(() => timelineStore.getState().currentRunId, 'samples', (draw) => subscribeImages('samples', draw));

export function Samples() {
  return (
    <section className="panel" aria-labelledby="samples-title">
      <h2 id="samples-title">Samples from the prior</h2>
      <PanelTools id="samples" title="Samples from the prior" />
      <p className="panel-note">The decoder's image for fixed draws z ~ N(0, I), so you watch the same codes sharpen.</p>
      <ImageGrid
        source={source}
        testId="sample-grid"
        label="Images decoded from samples of the prior"
        placeholder="Samples appear once training starts."
      />
      <GridMoment kind="samples" testId="samples-step" />
    </section>
  );
}
