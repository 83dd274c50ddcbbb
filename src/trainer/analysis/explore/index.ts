import type { Handler } from '../types';
import { collapse } from './collapse';
import { decodeLatents } from './decodeLatents';
import { interpolateHandler } from './interpolateHandler';
import { latentScatter } from './latentScatter';
import { limitingChain } from './limitingChain';
import { manifold } from './manifold';
import { priorSamples } from './priorSamples';
import { reconstruct } from './reconstruct';

type ExploreKind = 'reconstruct' | 'priorSamples' | 'decodeLatents' | 'interpolate' | 'latentScatter' | 'manifold' | 'collapse' | 'limitingChain';

/** The Explore view's analyses, spread into the registry in ../handlers.ts. */
export const EXPLORE_HANDLERS: { [K in ExploreKind]: Handler<K> } = {
  reconstruct,
  priorSamples,
  decodeLatents,
  interpolate: interpolateHandler,
  latentScatter,
  manifold,
  collapse,
  limitingChain,
};
