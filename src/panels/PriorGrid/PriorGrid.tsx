import { useState } from 'react';
import type { DecoderOutput } from '../../protocol';
import { ImageGrid } from '../../ui/ImageGrid';
import { SelectField } from '../../ui/SelectField';
import { ExplorePanel } from '../Explore/ExplorePanel';
import { GridFeed } from '../Explore/GridFeed';
import { newSeed, OUTPUT_OPTIONS } from '../Explore/seed';
import { useLiveAnalysis } from '../Explore/useLiveAnalysis';

/** 10×10 images decoded from z = T·ε, ε ~ N(0, I); the same ε until "New samples", so you watch them sharpen. */
export function PriorGrid() {
  const [feed] = useState(() => new GridFeed());
  const [temperature, setTemperature] = useState(1);
  const [seed, setSeed] = useState(1);
  const [output, setOutput] = useState<DecoderOutput>('mean');
  const live = useLiveAnalysis<'priorSamples'>({
    build: () => ({ kind: 'priorSamples', count: 100, cols: 10, temperature, seed, output }),
    onResult: (r) => feed.show(r.grid),
    onClear: () => feed.show(null),
    deps: [temperature, seed, output],
  });
  const controls = (
    <>
      <div className="field">
        <label htmlFor="prior-temperature">Temperature T = {temperature.toFixed(1)}</label>
        <input
          id="prior-temperature"
          type="range"
          min={0}
          max={2}
          step={0.1}
          value={temperature}
          onChange={(e) => setTemperature(Number(e.target.value))}
          aria-valuetext={`${temperature.toFixed(1)}`}
        />
      </div>
      <SelectField id="prior-output" label="Prior output" value={output} options={OUTPUT_OPTIONS} onChange={(v) => setOutput(v as DecoderOutput)} />
      <button type="button" className="btn btn-small" onClick={() => setSeed(newSeed())}>
        New samples
      </button>
    </>
  );
  return (
    <ExplorePanel
      id="prior"
      title="Prior samples"
      note="Codes z = T·ε with ε ~ N(0, I), decoded. T < 1 stays near the prior's centre (cleaner, less varied); T > 1 reaches its tails."
      live={live}
      controls={controls}
      placeholder="Train or Step to sample from the model."
    >
      <ImageGrid source={feed.source} testId="prior-grid" label="Images decoded from 100 prior samples" placeholder="Samples appear once a model exists." />
    </ExplorePanel>
  );
}
