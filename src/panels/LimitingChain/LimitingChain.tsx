import { useEffect, useRef, useState } from 'react';
import type { AnalysisResultOf, DecoderOutput } from '../../protocol';
import { ImageGrid } from '../../ui/ImageGrid';
import { SelectField } from '../../ui/SelectField';
import { ExplorePanel } from '../Explore/ExplorePanel';
import { GridFeed } from '../Explore/GridFeed';
import { newSeed } from '../Explore/seed';
import { useLiveAnalysis } from '../Explore/useLiveAnalysis';
import { frameGrid } from './frames';

type Chain = AnalysisResultOf<'limitingChain'>;
const STEPS = [20, 50, 100, 200].map((n) => ({ value: String(n), label: String(n) }));
const SHOW = [
  { value: 'sample', label: 'The draws x_t' },
  { value: 'mean', label: 'Decoder means E[x|z_t]' },
] as const;
const FPS = 8;

/** Seed 001 §III.C: encode → sample → decode → sample, again and again; does it settle? */
export function LimitingChain() {
  const [feed] = useState(() => new GridFeed());
  const [steps, setSteps] = useState(50);
  const [show, setShow] = useState<DecoderOutput>('mean');
  const [seed, setSeed] = useState(1);
  const [playing, setPlaying] = useState(false);
  const [frame, setFrame] = useState(0);
  const chain = useRef<Chain | null>(null);
  const [frameCount, setFrameCount] = useState(0);

  const live = useLiveAnalysis<'limitingChain'>({
    build: () => ({ kind: 'limitingChain', count: 36, cols: 6, steps, seed, show }),
    onResult: (r) => {
      chain.current = r;
      setFrameCount(r.frameCount);
      setFrame((f) => Math.min(f, r.frameCount - 1));
      feed.show(frameGrid(r, Math.min(frameRef.current, r.frameCount - 1)));
    },
    onClear: () => {
      chain.current = null;
      setFrameCount(0);
      setPlaying(false);
      feed.show(null);
    },
    intervalMs: 5000,
    deps: [steps, seed, show],
  });

  const frameRef = useRef(frame);
  frameRef.current = frame;
  useEffect(() => {
    if (chain.current) feed.show(frameGrid(chain.current, Math.min(frame, chain.current.frameCount - 1)));
  }, [frame, feed]);
  useEffect(() => {
    if (!playing || frameCount === 0) return;
    const timer = setInterval(() => setFrame((f) => (f + 1) % frameCount), 1000 / FPS);
    return () => clearInterval(timer);
  }, [playing, frameCount]);

  const last = Math.max(0, frameCount - 1);
  const controls = (
    <>
      <SelectField id="chain-steps" label="Chain length N" value={String(steps)} options={STEPS} onChange={(v) => setSteps(Number(v))} />
      <SelectField id="chain-show" label="Chain frames" value={show} options={SHOW} onChange={(v) => setShow(v as DecoderOutput)} />
      <button type="button" className="btn btn-small" onClick={() => setSeed(newSeed())}>
        New start
      </button>
    </>
  );
  return (
    <ExplorePanel
      id="chain"
      title="Limiting chain"
      note="36 chains start at x₀ ~ p(x|z₀), z₀ ~ N(0, I), then repeat z ~ q(z|x), x ~ p(x|z). Seed 001 saw some models settle on one shape, others each on a fixed point of their own."
      live={live}
      controls={controls}
      placeholder="Train or Step to run the chain."
    >
      <ImageGrid source={feed.source} testId="chain-grid" label={`Limiting chain, step ${frame} of ${last}`} placeholder="The chain appears once a model exists." />
      <div className="chain-player">
        <button type="button" className="btn btn-small" onClick={() => setPlaying(!playing)} disabled={frameCount === 0} aria-label={playing ? 'Pause the chain' : 'Play the chain'}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <input
          type="range"
          aria-label="Chain step"
          min={0}
          max={last}
          value={Math.min(frame, last)}
          disabled={frameCount === 0}
          onChange={(e) => {
            setPlaying(false);
            setFrame(Number(e.target.value));
          }}
        />
        <span className="chain-step" data-testid="chain-frame">
          Step {Math.min(frame, last)} of {last}
        </span>
      </div>
    </ExplorePanel>
  );
}
