import type { ProbeRequest, ProbeResult } from '../../protocol';

const TITLES = { latent: 'Latent means', pixels: 'Pixels' };

/** Final validation accuracies of both probes, side by side. */
export function ProbeAccuracies({ results }: { results: Partial<Record<ProbeRequest['input'], ProbeResult>> }) {
  return (
    <dl className="stats-figures stats-side-by-side" aria-label="Final validation accuracy">
      {(['latent', 'pixels'] as const).map((input) => {
        const r = results[input];
        return (
          <div key={input}>
            <dt>
              {TITLES[input]}
              {r ? ` (${r.dim}-d)` : ''}
            </dt>
            <dd data-testid={`probe-accuracy-${input}`} className="stats-big">
              {r ? `${(100 * r.accuracy).toFixed(1)}%` : '—'}
            </dd>
            {r ? <dd className="stats-small">{`${r.trainCount.toLocaleString()} training, ${r.valCount.toLocaleString()} validation images, ${r.seconds.toFixed(1)} s`}</dd> : null}
          </div>
        );
      })}
    </dl>
  );
}
