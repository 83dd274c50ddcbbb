/**
 * Browsers word their errors for developers ("Failed to fetch", "QuotaExceededError", "The operation
 * was aborted."). None of that should reach a person: these rules replace each raw phrase, wherever
 * it sits in a message, with what happened, and add what to do when the message does not say.
 * DOM-free and tfjs-free, so the data layer, the worker client and the panels can all use it.
 */

interface Rule {
  raw: RegExp;
  says: string;
  advice: string;
}

const RELOAD_ONLINE = 'Reload the page once you are online.';
const RETRY = 'Check the connection and try again.';

/** Order matters: the first rule whose raw phrase is in a message explains it. */
const RULES: Rule[] = [
  {
    // A lazily loaded part of the app (the chart library, a backend) that was never kept offline.
    raw: /(?:TypeError: )?(?:Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed)[^\n]*/i,
    says: 'a part of the app could not be loaded (the browser is offline and had not kept it, or the site was updated meanwhile)',
    advice: RELOAD_ONLINE,
  },
  {
    raw: /(?:TypeError: )?(?:Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed|A network error occurred\.?|net::ERR_[A-Z_]+|network error)/i,
    says: 'the server could not be reached (this browser is offline, or the site is down or does not let this page download from it)',
    advice: RETRY,
  },
  {
    raw: /(?:AbortError: )?(?:The user aborted a request\.?|The operation was aborted\.?|This operation was aborted\.?|signal is aborted without reason|BodyStreamBuffer was aborted)/i,
    says: 'it was stopped before it finished',
    advice: 'Try again.',
  },
  {
    raw: /(?:QuotaExceededError: )?(?:The quota has been exceeded\.?|QuotaExceededError|Quota exceeded\.?)/i,
    says: 'this browser’s storage for the site is full',
    advice: 'Delete cached datasets under “Storage” (or allow more space), then try again.',
  },
  {
    raw: /(?:RangeError: )?(?:Array buffer allocation failed|Out of memory|Failed to allocate[^.\n]*)\.?/i,
    says: 'the browser ran out of memory',
    advice: 'Close other tabs, or choose a smaller model, batch or dataset, then try again.',
  },
  {
    raw: /(?:(?:InvalidStateError|UnknownError|DataCloneError): )?(?:The database connection is closing\.?|Internal error opening backing store[^.\n]*\.?|Failed to execute '\w+' on 'IDB\w+'[^.\n]*\.?|Failed to read large IndexedDB value)/i,
    says: 'this browser’s storage could not be used (a private window, or the site’s data being cleared)',
    advice: 'Reload the page and try again.',
  },
  {
    raw: /(?:SecurityError: )?(?:The operation is insecure\.?|Access to storage is not allowed[^.\n]*\.?)/i,
    says: 'the browser refused it (its privacy settings, or a private window)',
    advice: 'Allow site data for this page, or use a normal window.',
  },
];

/** A programming error's own words: kept (they help a bug report) but said to be the app's fault. */
const BUG = /^(?:Uncaught )?(?:TypeError|ReferenceError|RangeError|SyntaxError|EvalError|URIError)\b:?\s*|^(?:Cannot read propert(?:y|ies) of|undefined is not|null is not)|is not a function$/;
const BUG_ADVICE = 'Reload the page and try again; your saved runs are kept.';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** A message with every raw browser phrase replaced by plain words, and advice added when missing. */
export function plainMessage(text: string): string {
  const t = text.trim();
  if (!t) return 'Something went wrong, without a reason given. Try again, or reload the page.';
  for (const r of RULES) {
    const m = new RegExp(`(?:Uncaught )?${r.raw.source}`, r.raw.flags).exec(t);
    if (!m) continue;
    const rest = t.slice(m.index + m[0].length);
    const out = capital(t.slice(0, m.index) + r.says + rest);
    return /try again|reload/i.test(rest) ? sentence(out) : `${sentence(out)} ${r.advice}`;
  }
  if (BUG.test(t)) return `Something went wrong inside the app (${t.replace(/^Uncaught /, '')}). ${BUG_ADVICE}`;
  return t;
}

const BUILTIN = /^(?:TypeError|ReferenceError|RangeError|SyntaxError|EvalError|URIError)$/;
const isDomException = (e: Error) => typeof DOMException !== 'undefined' && e instanceof DOMException;

/** What to show for anything thrown: its message made plain (a non-Error is shown as text). */
export function plainError(e: unknown): string {
  if (!(e instanceof Error)) return plainMessage(typeof e === 'string' ? e : String(e));
  // Our own errors (DatasetError…) speak plainly already; a browser's carry their name as the news.
  if (!BUILTIN.test(e.name) && !isDomException(e)) return plainMessage(e.message);
  const named = e.message.startsWith(e.name) ? e.message : `${e.name}: ${e.message}`;
  const plain = plainMessage(named);
  if (plain !== named || !isDomException(e)) return plain;
  return `The browser refused an operation (${named}). Reload the page and try again; your saved runs are kept.`;
}
/** An event whose `message` a person reads, with that message made plain. */
export function withPlainMessage<T>(event: T): T {
  const e = event as T & { message?: unknown };
  if (typeof e.message !== 'string') return event;
  const plain = plainMessage(e.message);
  return plain === e.message ? event : { ...e, message: plain };
}
