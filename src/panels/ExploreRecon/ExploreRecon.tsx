import { useEffect, useState } from 'react';
import type { TestSelection } from '../../protocol';
import { ImageGrid } from '../../ui/ImageGrid';
import { SelectField } from '../../ui/SelectField';
import { ExplorePanel } from '../Explore/ExplorePanel';
import { GridFeed } from '../Explore/GridFeed';
import { usePicks } from '../Explore/picks';
import { newSeed } from '../Explore/seed';
import { useLiveAnalysis } from '../Explore/useLiveAnalysis';

type Mode = 'random' | 'label' | 'picked';
const COUNT = 16;
const MODES = [
  { value: 'random', label: 'Random test images' },
  { value: 'label', label: 'One class' },
  { value: 'picked', label: 'My picks' },
] as const;
const CLASSES = Array.from({ length: 10 }, (_, i) => ({ value: String(i), label: String(i) }));
const LATENTS = [
  { value: 'mean', label: 'Posterior mean μ' },
  { value: 'sample', label: 'A draw z ~ q(z|x)' },
] as const;

/** Originals beside reconstructions, for images chosen at random, by class, or picked by the person. */
export function ExploreRecon() {
  const [feed] = useState(() => new GridFeed());
  const [mode, setMode] = useState<Mode>('random');
  const [label, setLabel] = useState(0);
  const [seed, setSeed] = useState(1);
  const [latent, setLatent] = useState<'mean' | 'sample'>('mean');
  const picks = usePicks((s) => s.picks);
  const select = (): TestSelection | null => {
    if (mode === 'random') return { by: 'random', count: COUNT, seed };
    if (mode === 'label') return { by: 'label', label, count: COUNT, seed };
    return picks.length ? { by: 'indices', indices: picks.map((p) => p.index) } : null;
  };
  const live = useLiveAnalysis<'reconstruct'>({
    build: () => {
      const s = select();
      return s ? { kind: 'reconstruct', select: s, latent, seed } : null;
    },
    onResult: (r) => feed.show(r.grid),
    onClear: () => feed.show(null),
    deps: [mode, label, seed, latent, mode === 'picked' ? picks : null],
  });
  const controls = (
    <>
      <SelectField id="recon-mode" label="Which images" value={mode} options={MODES} onChange={(v) => setMode(v as Mode)} />
      {mode === 'label' ? <SelectField id="recon-class" label="Class" value={String(label)} options={CLASSES} onChange={(v) => setLabel(Number(v))} /> : null}
      <SelectField id="recon-latent" label="Code used" value={latent} options={LATENTS} onChange={(v) => setLatent(v as 'mean' | 'sample')} />
      {mode !== 'picked' ? (
        <button type="button" className="btn btn-small" onClick={() => setSeed(newSeed())}>
          New images
        </button>
      ) : null}
    </>
  );
  const empty = mode === 'picked' && picks.length === 0;
  useEffect(() => {
    if (empty) feed.show(null);
  }, [empty, feed]);
  return (
    <ExplorePanel
      id="explore-recon"
      title="Reconstructions"
      note="Each test image, then the decoder's mean image at its code: the posterior mean, or one draw from q(z|x) to see how much the code's uncertainty matters."
      live={live}
      controls={controls}
      placeholder={empty ? 'Pick test images in the gallery below or in the scatter plot.' : 'Train or Step to see reconstructions.'}
    >
      <ImageGrid source={feed.source} testId="explore-recon-grid" label="Chosen test images beside their reconstructions" placeholder="Reconstructions appear once a model exists." />
    </ExplorePanel>
  );
}
