import { Collapse } from '../panels/Collapse/Collapse';
import { ExploreRecon } from '../panels/ExploreRecon/ExploreRecon';
import { Interpolation } from '../panels/Interpolation/Interpolation';
import { LatentScatter } from '../panels/LatentScatter/LatentScatter';
import { LimitingChain } from '../panels/LimitingChain/LimitingChain';
import { ManifoldGrid } from '../panels/ManifoldGrid/ManifoldGrid';
import { PriorGrid } from '../panels/PriorGrid/PriorGrid';
import '../panels/Explore/explore.css';

/** The latent space of the model in training, live: each panel refreshes itself and can be frozen. */
export function ExploreView() {
  return (
    <div className="explore-view">
      <p className="explore-intro">
        Everything here is computed from the model as it trains: panels on screen refresh every couple of seconds, those scrolled away or frozen
        wait. Train or Step on the Train tab first.
      </p>
      <LatentScatter />
      <ManifoldGrid />
      <ExploreRecon />
      <PriorGrid />
      <Interpolation />
      <Collapse />
      <LimitingChain />
    </div>
  );
}
