/**
 * The trainer's one door to TensorFlow.js: tfjs-core alone (no layers/converter in the bundle),
 * with the gradient and chained-op registrations that only the umbrella `@tensorflow/tfjs` loads.
 * Core comes first so its flags exist before the registrations run (Vite's dev pre-bundles
 * otherwise evaluate them too early: "Cannot evaluate flag 'DEBUG'").
 */
export * from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
