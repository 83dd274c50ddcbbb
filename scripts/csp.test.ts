import { describe, expect, it } from 'vitest';
import type { HtmlTagDescriptor } from 'vite';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, cspPlugin } from './csp';

type Handler = (html: string) => HtmlTagDescriptor[];
const handler = (cspPlugin().transformIndexHtml as { handler: Handler }).handler;

describe('the Content-Security-Policy', () => {
  it('allows scripts only from the site: no eval, no inline script', () => {
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self'; /);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors'); // ignored (with a console error) in a <meta>
  });

  it('goes first in the built index.html, and the build refuses an inline script', () => {
    const tags = handler('<head><script type="module" crossorigin src="./assets/index.js"></script></head>');
    expect(tags).toEqual([{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }]);
    expect(() => handler('<head><script>window.x = 1</script></head>')).toThrow(/inline <script>/);
    expect(() => handler('<head><script type="module">import "/x.js"</script></head>')).toThrow(/inline <script>/);
  });
});
