import { useEffect, useRef, useState } from 'react';
import type { AnalysisResultOf, LatentPlane } from '../../protocol';
import { momentLabel } from '../../store/timeline';
import { scatterOf } from '../Timeline/SnapshotScatter';
import { useCurrentRunId, useShownSnapshot } from '../Timeline/sources';
import { SelectField } from '../../ui/SelectField';
import { ExplorePanel } from '../Explore/ExplorePanel';
import { useLiveAnalysis } from '../Explore/useLiveAnalysis';
import { DecodeForm } from './DecodeForm';
import { PointDetail, type DetailTarget } from './PointDetail';
import { ScatterCoordinator } from './ScatterCoordinator';
import { scatterSummary } from './summary';

const LIMITS = [1000, 2000, 5000, 10000].map((n) => ({ value: String(n), label: n.toLocaleString('en') }));

/**
 * Posterior means of test images, coloured by label: the latent plane itself when d = 2, else its
 * first two principal axes. Hover or click a point to see its image; click empty space to decode there.
 */
export function LatentScatter() {
  const containerRef = useRef<HTMLDivElement>(null);
  const plot = useRef<ScatterCoordinator | null>(null);
  const plane = useRef<LatentPlane | null>(null);
  const [limit, setLimit] = useState(10000);
  const [target, setTarget] = useState<DetailTarget | null>(null);
  const [info, setInfo] = useState<{ dim: number; axes: 'latent' | 'pca' } | null>(null);
  const [summary, setSummary] = useState('');
  const pinned = useRef(false);
  // The training timeline scrubbed back shows that moment's codes; the live result waits here.
  const moment = useShownSnapshot(useCurrentRunId());
  const lastLive = useRef<AnalysisResultOf<'latentScatter'> | null>(null);
  const scrubbed = useRef(false);
  scrubbed.current = moment !== null;

  useEffect(() => {
    if (!containerRef.current) return;
    const p = new ScatterCoordinator(containerRef.current, {
      onPoint: (index, label, pin) => {
        if (pinned.current && !pin) return;
        pinned.current = pin;
        setTarget({ kind: 'point', index, label, pinned: pin });
      },
      onEmpty: (u, v) => {
        if (!plane.current) return;
        pinned.current = true;
        setTarget({ kind: 'place', u, v, plane: plane.current });
      },
    });
    plot.current = p;
    return () => p.destroy();
  }, []);
  // After the scatter exists (the effect above): a moment scrubbed to before this view first opened shows at once.
  useEffect(() => {
    if (moment) plot.current?.show(scatterOf(moment.codes));
    else if (lastLive.current) plot.current?.show(lastLive.current);
  }, [moment]);

  const live = useLiveAnalysis<'latentScatter'>({
    build: () => {
      // Keep the principal axes pointing the way they did, so refreshes do not mirror the plot.
      const prev = plane.current?.axes === 'pca' ? plane.current.components : undefined;
      return { kind: 'latentScatter', limit, ...(prev ? { previousAxes: Float32Array.from(prev) } : {}) };
    },
    onResult: (r) => {
      plane.current = r.plane;
      lastLive.current = r;
      if (!scrubbed.current) plot.current?.show(r);
      setSummary(scatterSummary(r.points, r.labels, r.count, r.plane));
      setInfo((i) => (i && i.dim === r.dim && i.axes === r.plane.axes ? i : { dim: r.dim, axes: r.plane.axes }));
    },
    onClear: () => {
      plane.current = null;
      lastLive.current = null;
      plot.current?.clear();
      setTarget(null);
      setInfo(null);
      setSummary('');
      pinned.current = false;
    },
    deps: [limit],
  });

  const what = info?.axes === 'pca' ? `the first two principal axes of the ${info.dim}-dimensional means` : 'the 2-D latent plane itself';
  return (
    <ExplorePanel
      id="scatter"
      title="Latent scatter"
      note={`Posterior means μ(x) of test images, coloured by label, on ${what}. Hover or click a point to see its image; click empty space to decode that spot; drag a box to zoom, double-click to zoom out.`}
      live={live}
      timeline
      controls={<SelectField id="scatter-limit" label="Test images plotted" value={String(limit)} options={LIMITS} onChange={(v) => setLimit(Number(v))} />}
      placeholder="Train or Step to place the test images in latent space."
      className="explore-scatter"
    >
      {moment ? (
        <p className="timeline-note" data-testid="scatter-moment">
          The first {moment.codes.count.toLocaleString('en')} test images at {momentLabel(moment.step, moment.epoch)} of the training timeline; hovering and decoding use the model now.
        </p>
      ) : null}
      <div className="scatter-body">
        <div className="scatter-frame" ref={containerRef} data-testid="latent-scatter">
          <p className="scatter-placeholder">The test images' codes appear here once a model exists.</p>
        </div>
        <p className="sr-only" data-testid="scatter-summary">
          {summary}
        </p>
        <div className="scatter-side">
          <PointDetail
            target={target}
            onUnpin={() => {
              pinned.current = false;
              setTarget(null);
            }}
          />
          <DecodeForm
            disabled={info === null}
            onDecode={(u, v) => {
              if (!plane.current) return;
              pinned.current = true;
              setTarget({ kind: 'place', u, v, plane: plane.current });
            }}
          />
        </div>
      </div>
    </ExplorePanel>
  );
}
