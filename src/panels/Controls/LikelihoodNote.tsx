import { isDensity } from '../../config/likelihoodParams';
import { useExperiment } from '../../ui/stores';

/** Warns, under the likelihood select, that a density's nELBO is on another scale from nats of a mass. */
export function LikelihoodNote() {
  const density = useExperiment((s) => isDensity(s.config.likelihood));
  if (!density) return null;
  return (
    <p className="likelihood-note" data-testid="likelihood-note">
      nELBO here is a density (it can go negative) and is not comparable with Bernoulli or categorical nats.
    </p>
  );
}
