import { ProgressBar } from '../../ui/ProgressBar';
import { FloatImages } from './FloatImages';
import { useCompletion } from './instance';
import type { Method } from '../../store/completion';

const TEXT: Record<Method, { title: string; note: string }> = {
  amortized: {
    title: 'Amortized: the encoder',
    note: 'The encoder sees the image with the unknown pixels filled in; the decoder’s mean at its μ fills them.',
  },
  optimize: {
    title: 'Encoder-free: q(z|Ψ) fitted',
    note: 'Decoder frozen; Adam fits μ and log σ² to the ELBO of the observed pixels only.',
  },
};

/** One completion method: its image (updating while it runs), its partial ELBO, and samples z ~ q. */
export function MethodColumn({ method }: { method: Method }) {
  const run = useCompletion((s) => s[method]);
  const r = run.result;
  return (
    <section className="method-column" aria-labelledby={`method-${method}-title`} data-status={run.status}>
      <h3 id={`method-${method}-title`}>{TEXT[method].title}</h3>
      <p className="panel-note">{TEXT[method].note}</p>
      <FloatImages
        pixels={run.image}
        testId={`completion-${method}`}
        label={`Completion by the ${method === 'amortized' ? 'encoder' : 'encoder-free fit'}`}
        placeholder="Draw, then Complete."
        className="completion-image"
      />
      <p className="method-stat" data-testid={`elbo-${method}`}>
        {r ? (
          <>
            Partial ELBO <strong>{r.elbo.toFixed(1)}</strong> nats on {r.observed} observed pixels
          </>
        ) : run.status === 'running' ? (
          'Working…'
        ) : (
          '\u00a0'
        )}
      </p>
      {method === 'optimize' && run.status === 'running' ? <ProgressBar value={run.done} max={run.total} label={`Step ${run.done} of ${run.total}`} testId="optimize-progress" /> : null}
      {run.message ? (
        <p className={run.status === 'failed' ? 'field-error' : 'panel-note'} role={run.status === 'failed' ? 'alert' : 'status'}>
          {run.message}
        </p>
      ) : null}
      {r && r.sampleCount > 0 ? (
        <>
          <h4>Other completions, z ~ q</h4>
          <FloatImages pixels={r.samples} count={r.sampleCount} cols={Math.min(r.sampleCount, 6)} testId={`samples-${method}`} label={`${r.sampleCount} completions from random z ~ q`} placeholder="" className="completion-samples" />
        </>
      ) : null}
    </section>
  );
}
