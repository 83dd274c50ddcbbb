import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the production build. Scripts only from the site itself, never
 * eval or inline script; 'wasm-unsafe-eval' lets the TensorFlow.js WASM backend compile its
 * .wasm (it allows WebAssembly compilation only, not JavaScript eval). Workers may be blob: URLs
 * (the WASM backend's thread pool). connect-src allows https: because a person may import a
 * dataset from another site's manifest.json (the only request that leaves the origin, and only
 * when they ask). style-src keeps 'unsafe-inline': plotly and KaTeX set style attributes.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'https:', 'data:', 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');

/**
 * Puts the policy in index.html as the first element of <head>, so any static host serves it.
 * Build only: the dev server's React refresh preamble is an inline script.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'vae-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) throw new Error('index.html has an inline <script>, which the Content-Security-Policy forbids.');
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
      },
    },
  };
}
