import { useEffect, useRef, useState } from 'react';
import { ImageGrid } from '../../ui/ImageGrid';
import { SelectField } from '../../ui/SelectField';
import { ExplorePanel } from '../Explore/ExplorePanel';
import { GridFeed } from '../Explore/GridFeed';
import { pairsOf, picksActions, usePicks } from '../Explore/picks';
import { useLiveAnalysis } from '../Explore/useLiveAnalysis';
import { Gallery, type GalleryItem } from './Gallery';
import { randomPairs } from './randomPairs';

type Method = 'linear' | 'spherical';
type Ends = 'originals' | 'decoded';
const STEPS = [3, 5, 8, 10, 12].map((k) => ({ value: String(k), label: String(k) }));
const METHODS = [
  { value: 'linear', label: 'Linear' },
  { value: 'spherical', label: 'Spherical (slerp)' },
] as const;
const ENDS = [
  { value: 'originals', label: 'The picked images' },
  { value: 'decoded', label: 'Their decoded codes' },
] as const;

/** Decoded paths between the codes of picked test images, one row per pair (seeds 000, 003, 004). */
export function Interpolation() {
  const [feed] = useState(() => new GridFeed());
  const [steps, setSteps] = useState(8);
  const [method, setMethod] = useState<Method>('linear');
  const [ends, setEnds] = useState<Ends>('originals');
  const picks = usePicks((s) => s.picks);
  const gallery = useRef<GalleryItem[]>([]);
  const pairs = pairsOf(picks);
  const live = useLiveAnalysis<'interpolate'>({
    build: () => (pairs.length ? { kind: 'interpolate', pairs: pairs.map(([a, b]) => [a.index, b.index]), steps, method, ends } : null),
    onResult: (r) => feed.show(r.grid),
    onClear: () => feed.show(null),
    deps: [steps, method, ends, pairs.length, pairs.map(([a, b]) => `${a.index}-${b.index}`).join()],
  });
  useEffect(() => {
    if (pairs.length === 0) feed.show(null);
  }, [pairs.length, feed]);
  const controls = (
    <>
      <SelectField id="interp-steps" label="Steps between" value={String(steps)} options={STEPS} onChange={(v) => setSteps(Number(v))} />
      <SelectField id="interp-method" label="Interpolation path" value={method} options={METHODS} onChange={(v) => setMethod(v as Method)} />
      <SelectField id="interp-ends" label="Row ends" value={ends} options={ENDS} onChange={(v) => setEnds(v as Ends)} />
      <button type="button" className="btn btn-small" onClick={() => picksActions.setPairs(randomPairs(gallery.current, 4))}>
        Random pairs
      </button>
      <button type="button" className="btn btn-small" onClick={() => picksActions.clear()} disabled={picks.length === 0}>
        Clear picks
      </button>
    </>
  );
  const waiting = picks.length % 2 === 1 ? ` Picked test image ${picks[picks.length - 1].index}; pick one more to add a row.` : '';
  return (
    <ExplorePanel
      id="interp"
      title="Interpolation"
      note={`Each row: one picked image, ${steps} decoder means along the ${method === 'linear' ? 'straight line' : 'great-circle arc (length changing linearly)'} between the two posterior means, then the other.`}
      live={live}
      controls={controls}
      placeholder="Pick two test images below, or in the scatter plot."
      className="explore-wide"
    >
      <ImageGrid source={feed.source} testId="interp-grid" label="Interpolations between pairs of picked test images, one row per pair" placeholder="Pick two test images to see the path between their codes." />
      <p className="explore-step" data-testid="interp-pairs" aria-live="polite">
        {pairs.length ? `Rows: ${pairs.map(([a, b]) => `${a.label} → ${b.label}`).join(', ')}.` : 'No pairs yet.'}
        {waiting}
      </p>
      <Gallery onItems={(items) => (gallery.current = items)} />
    </ExplorePanel>
  );
}
