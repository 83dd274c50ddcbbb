import * as tf from '../tf';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

let chosen: Promise<string> | undefined;

/**
 * Picks the backend for Node unit tests: WASM (what most visitors' browsers end up on, and
 * ~5× faster than 'cpu'), else 'cpu'. In Node the WASM backend loads its .wasm from
 * node_modules by itself. Safe to call from every test file; runs once per worker.
 */
export function useTestBackend(): Promise<string> {
  chosen ??= (async () => {
    try {
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return tf.getBackend();
      }
    } catch {
      // fall through to cpu
    }
    await tf.setBackend('cpu');
    await tf.ready();
    return tf.getBackend();
  })();
  return chosen;
}
