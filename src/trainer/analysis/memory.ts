import * as tf from '../tf';
import type { Handler } from './types';

/** tfjs's tensor count and bytes right now: flat across steps means no leak. */
export const memory: Handler<'memory'> = async (_req, ctx) => {
  const m = tf.memory();
  return { result: { kind: 'memory', numTensors: m.numTensors, numBytes: m.numBytes, backend: tf.getBackend(), step: ctx.session.step }, transfer: [] };
};
