import { useState } from 'react';
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
  const live = useLiveAnalysis<'manifold'>({
    build: () => ({ kind: 'manifold', size }),
    onResult: (r) => {
      feed.show(r.grid);
      setRange(r.axis[r.axis.length - 1]);
    },
    onClear: () => feed.show(null),
    deps: [size],
  });
  const extent = range === null ? '' : ` (here ±${range.toFixed(2)})`;
  return (
    <ExplorePanel
      id="manifold"
      title="Manifold (d = 2)"
      note={`Decoder means at z = (Φ⁻¹(u₁), Φ⁻¹(u₂)) for evenly spaced u: z₁ grows to the right, z₂ upward${extent}. Needs a latent dimension of 2.`}
      live={live}
      controls={<SelectField id="manifold-size" label="Grid size" value={String(size)} options={SIZES} onChange={(v) => setSize(Number(v))} />}
      placeholder="Train or Step a model with latent dimension 2."
    >
      <ImageGrid source={feed.source} testId="manifold-grid" label="Decoded images over a grid of the 2-D latent space" placeholder="The manifold appears for a model with a 2-D latent space." />
    </ExplorePanel>
  );
}
