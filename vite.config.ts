import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { serviceWorkerPlugin } from './scripts/sw/plugin';
import { CONTENT_SECURITY_POLICY, cspPlugin } from './scripts/csp';

// Cross-origin isolation lets the WASM backend use threads (SharedArrayBuffer).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Test hooks (src/protocol/debug.ts, window.__vae) exist in the unit tests, the dev server and the
 * build the end-to-end tests, bench and soak run against (`vite build --mode e2e`); a plain
 * `vite build` compiles them out.
 */
const TEST_HOOK_MODES = ['test', 'development', 'e2e'];

export default defineConfig(({ mode }) => ({
  define: { __VAE_TEST_HOOKS__: JSON.stringify(TEST_HOOK_MODES.includes(mode)) },
  plugins: [react(), serviceWorkerPlugin(), cspPlugin()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
  server: { headers: isolation },
  // Pre-bundle every tfjs entry up front: discovered late, they re-optimise mid-session and the
  // worker ends up with a second tfjs-core ("Cannot evaluate flag 'DEBUG'").
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-core/dist/register_all_gradients',
      '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow/tfjs-backend-wasm',
    ],
  },
  preview: { headers: { ...isolation, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
}));
