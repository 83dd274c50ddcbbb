/**
 * A model file named by a link (`#model=<address>`): the same rule as dataset URLs (https://, or
 * this site's own origin; the page's policy blocks the rest anyway, with a bare "Failed to
 * fetch"), and a message naming the address and the problem for every way it can fail.
 */
export const MODEL_LINK_MAX_BYTES = 200 * 1024 * 1024;

export class ModelLinkError extends Error {}

function checkAddress(input: string): string {
  const text = input.trim();
  if (!text) throw new ModelLinkError('The link\'s "model=" is empty: it should be the https:// address of a model file saved with Export.');
  let url: URL;
  try {
    url = new URL(text, globalThis.location?.href);
  } catch {
    throw new ModelLinkError(`The link's model address "${text}" is not a valid URL.`);
  }
  const own = globalThis.location?.origin;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && url.origin === own)) {
    throw new ModelLinkError(`The link's model address must start with https:// (or be on this site, ${own ?? 'its own origin'}), got "${text}": this page may not download it. Try the same address with https://.`);
  }
  return url.href;
}

/** The text of the model file at a link's address; throws a ModelLinkError saying what went wrong. */
export async function fetchModelText(input: string, fetchImpl: typeof fetch = fetch): Promise<{ url: string; text: string }> {
  const url = checkAddress(input);
  let res: Response;
  try {
    res = await fetchImpl(url, { credentials: 'omit' });
  } catch {
    throw new ModelLinkError(`Could not download the model at ${url}: the site did not answer, or does not let other sites read its files (CORS).`);
  }
  if (!res.ok) throw new ModelLinkError(`Could not download the model at ${url}: the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`);
  const declared = Number(res.headers.get('content-length'));
  const tooBig = `The model at ${url} is larger than ${MODEL_LINK_MAX_BYTES / 1024 / 1024} MB: not a model file this page can open.`;
  if (declared > MODEL_LINK_MAX_BYTES) throw new ModelLinkError(tooBig);
  const text = await res.text();
  if (text.length > MODEL_LINK_MAX_BYTES) throw new ModelLinkError(tooBig);
  return { url, text };
}
