import { timelineStore } from '../../store/stores';
import { subscribeImages } from '../../store/trainer';
import { ImageGrid } from '../../ui/ImageGrid';
import { PanelTools } from '../../ui/PanelTools';
import { GridMoment } from '../Timeline/MomentCaption';
import { snapshotGridSource } from '../Timeline/sources';

// Live from training, or the training timeline's moment while it is scrubbed back.
const source = snapshotGridSource(() => timelineStore.getState().currentRunId, 'reconstructions', (draw) => subscribeImages('reconstructions', draw));

export function Reconstructions() {
  return (
    <section className="panel" aria-labelledby="recon-title">
      <h2 id="recon-title">Reconstructions</h2>
      <PanelTools id="recon" title="Reconstructions" />
      <p className="panel-note">Pairs of test images: the original, then what the VAE rebuilds from its code.</p>
      <ImageGrid
        source={source}
        testId="recon-grid"
        label="Test images beside their reconstructions"
        placeholder="Press Train to see test images beside their reconstructions."
      />
      <GridMoment kind="reconstructions" testId="recon-step" />
    </section>
  );
}
