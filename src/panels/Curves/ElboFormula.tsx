import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useEffect, useRef } from 'react';
import { fitToWidth } from '../../ui/fitWidth';
import { useExperiment } from '../../ui/stores';
import { likelihoodTex, objectiveTex } from './elboTex';

/** One formula, rendered by KaTeX into DOM nodes (no HTML strings, so a strict CSP holds). */
function Formula({ tex, testId }: { tex: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    katex.render(tex, el, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' });
    // Scaled, never clipped: a projector at 1024 px still shows the whole expression.
    return fitToWidth(el).stop;
  }, [tex]);
  return <div className="elbo-line" data-testid={testId} ref={ref} />;
}

/** The loss being minimised, decomposed, for the config as it is now: objective, then the likelihood's log p(x|z). */
export function ElboFormula() {
  const objective = useExperiment((s) => objectiveTex(s.config));
  const likelihood = useExperiment((s) => likelihoodTex(s.config));
  return (
    <div className="elbo-formula" data-testid="elbo-formula" role="group" aria-label="The loss being minimised" tabIndex={0}>
      <Formula tex={objective} testId="elbo-objective" />
      <Formula tex={likelihood} testId="elbo-likelihood" />
    </div>
  );
}
