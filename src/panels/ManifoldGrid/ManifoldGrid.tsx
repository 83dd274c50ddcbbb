import { useEffect, useRef, useState } from 'react';
import type { ImageGridPayload } from '../../protocol';
import { momentLabel } from '../../store/timeline';
import { useCurrentRunId, useShownSnapshot } from '../Timeline/sources';
import { ImageGrid } from '../../ui/ImageGrid';
import { SelectField } from '../../ui/SelectField';
import { ExplorePanel } from '../Explore/ExplorePanel';
import { GridFeed } from '../Explore/GridFeed';
import { useLiveAnalysis } from '../Explore/useLiveAnalysis';

const SIZES = [10, 15, 20, 25].map((n) => ({ value: String(n), label: `${n} × ${n}` }));

/** The decoder over a 2-D latent plane, each cell holding equal prior mass (Kingma & Welling, Fig. 4). */
export function ManifoldGrid() {
  const [feed] = useState(() => new GridFeed());
  const [size, setSize] = useState(20);
  const [range, setRange] = useState<number | null>(null);
  // The training timeline scrubbed back shows that moment's (smaller) manifold; the live one waits here.
  const moment = useShownSnapshot(useCurrentRunId());
  const lastLive = useRef<ImageGridPayload | null>(null);
  const scrubbed = useRef(false);
  scrubbed.current = moment !== null;
  useEffect(() => feed.show(moment ? moment.manifold : lastLive.current), [moment, feed]);
  const live = useLiveAnalysis<'manifold'>({
    build: () => ({ kind: 'manifold', size }),
    onResult: (r) => {
      lastLive.current = r.grid;
      if (!scrubbed.current) feed.show(r.grid);
      setRange(r.axis[r.axis.length - 1]);
    },
    onClear: () => {
      lastLive.current = null;
      feed.show(null);
    },
    deps: [size],
  });
  const extent = range === null ? '' : ` (here ±${range.toFixed(2)})`;
  return (
    <ExplorePanel
      id="manifold"
      title="Manifold (d = 2)"
      note={`Decoder means at z = (Φ⁻¹(u₁), Φ⁻¹(u₂)) for evenly spaced u: z₁ grows to the right, z₂ upward${extent}. Needs a latent dimension of 2.`}
      live={live}
      timeline
      controls={<SelectField id="manifold-size" label="Grid size" value={String(size)} options={SIZES} onChange={(v) => setSize(Number(v))} />}
      placeholder="Train or Step a model with latent dimension 2."
    >
      {moment ? (
        <p className="timeline-note" data-testid="manifold-moment">
          {moment.manifold ? `${moment.manifold.cols} × ${moment.manifold.cols} at ${momentLabel(moment.step, moment.epoch)} of the training timeline.` : 'No manifold was kept for this moment (the latent space is not 2-D).'}
        </p>
      ) : null}
      <ImageGrid source={feed.source} testId="manifold-grid" label="Decoded images over a grid of the 2-D latent space" placeholder="The manifold appears for a model with a 2-D latent space." />
    </ExplorePanel>
  );
}
