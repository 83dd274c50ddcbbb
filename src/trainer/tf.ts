/**
 * The trainer's one door to TensorFlow.js: tfjs-core alone (no layers/converter in the bundle),
 * with the gradient registrations that only the umbrella `@tensorflow/tfjs` package would load.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

export * from '@tensorflow/tfjs-core';
