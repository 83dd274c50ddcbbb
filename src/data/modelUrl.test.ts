import { describe, expect, it } from 'vitest';
import { fetchModelText, MODEL_LINK_MAX_BYTES } from './modelUrl';

const answer = (body: string, init: ResponseInit = {}): typeof fetch => async () => new Response(body, init);
const refusal = (input: string, f: typeof fetch) => fetchModelText(input, f).then(() => '(accepted)', (e: Error) => e.message);

describe('model links (#model=)', () => {
  it('downloads an https:// address', async () => {
    const seen: string[] = [];
    const f: typeof fetch = async (u) => {
      seen.push(String(u));
      return new Response('{"format":"vae-playground-model"}');
    };
    expect(await fetchModelText(' https://course.example.org/m.vae.json ', f)).toEqual({ url: 'https://course.example.org/m.vae.json', text: '{"format":"vae-playground-model"}' });
    expect(seen).toEqual(['https://course.example.org/m.vae.json']);
  });

  it('refuses other schemes, a failed download, an error status and a huge file, naming the address and the problem', async () => {
    const ok = answer('{}');
    expect(await refusal('', ok)).toMatch(/"model=" is empty/);
    expect(await refusal('http://evil.example/m.json', ok)).toMatch(/must start with https:\/\/ \(or be on this site, .*\), got "http:\/\/evil\.example\/m\.json"/);
    expect(await refusal('javascript:alert(1)', ok)).toMatch(/must start with https:\/\//);
    expect(await refusal('file:///etc/passwd', ok)).toMatch(/must start with https:\/\//);
    expect(await refusal('https://x.example/m', async () => Promise.reject(new TypeError('Failed to fetch')))).toMatch(/Could not download the model at https:\/\/x\.example\/m: the site did not answer, or does not let other sites read its files \(CORS\)/);
    expect(await refusal('https://x.example/m', answer('nope', { status: 404, statusText: 'Not Found' }))).toMatch(/at https:\/\/x\.example\/m: the server answered 404 Not Found/);
    expect(await refusal('https://x.example/m', answer('{}', { headers: { 'content-length': String(MODEL_LINK_MAX_BYTES + 1) } }))).toMatch(/larger than 200 MB/);
  });
});
