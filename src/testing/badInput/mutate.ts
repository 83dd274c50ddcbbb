/**
 * Generated bad input for the property tests (generated.test.ts): each arbitrary starts from a
 * valid example and breaks it the ways a clumsy or hostile source would — truncated, types
 * swapped, numbers huge or tiny, nesting thousands deep, odd unicode, `__proto__` and
 * `constructor` keys (own keys, as JSON.parse makes them) — a few edits at a time.
 */
import fc from 'fast-check';

/** Own `__proto__` / `constructor` keys, as in a parsed file (an object literal would set the prototype). */
const protoKeys = (): unknown => JSON.parse('{"__proto__": {"polluted": 1, "isAdmin": true}, "constructor": {"prototype": {"polluted": 1}}}');

const HUGE = [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 4294967296, 2 ** 31, -1, 0, -0, 0.5, 1e-320, 1e21, 65535, 99999999999];

/** Arrays (or objects) nested `depth` deep around `inner`. */
export function nested(depth: number, inner: unknown, asObject = false): unknown {
  let v = inner;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

/** One value to put where a valid one was. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HUGE),
  fc.constantFrom(null, true, false, '', ' ', '0', 'NaN', 'Infinity', '-1', '1e999', '[]', '{}', '../../etc/passwd', '<script>alert(1)</script>', '\u0000', '\u202e', '🤖'.repeat(3)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.integer(), fc.constantFrom(...HUGE)), { maxLength: 8 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(null).map(protoKeys),
  fc.integer({ min: 50, max: 1200 }).map((d) => nested(d, 1)),
  fc.integer({ min: 50, max: 600 }).map((d) => nested(d, 'x', true)),
  fc.string({ maxLength: 3 }).map((s) => s.repeat(20000)),
);

/** Where in a value an edit lands: indices taken modulo each level's keys, so every path is valid. */
type Edit = { path: number[]; op: 'set' | 'delete' | 'swap' | 'proto' | 'wrap' | 'dup'; value: unknown };
const edit: fc.Arbitrary<Edit> = fc.record({
  path: fc.array(fc.nat(), { maxLength: 7 }),
  op: fc.constantFrom('set', 'set', 'delete', 'swap', 'proto', 'wrap', 'dup'),
  value: weirdValue,
});

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;

function swapType(v: unknown): unknown {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return Number(v) || [v];
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  if (isContainer(v)) return Object.values(v);
  return v === null ? {} : null;
}

function apply(root: unknown, e: Edit): unknown {
  if (!isContainer(root)) return e.op === 'swap' ? swapType(root) : e.value;
  let parent: Record<string, unknown> | unknown[] = root;
  let key: string | number | null = null;
  for (const n of e.path) {
    const keys = Array.isArray(parent) ? parent.map((_, i) => i) : Object.keys(parent);
    if (!keys.length) break;
    const k = keys[n % keys.length];
    const child = (parent as Record<string | number, unknown>)[k];
    key = k;
    if (!isContainer(child)) break;
    parent = child;
    key = null;
  }
  const at = parent as Record<string | number, unknown>;
  if (key === null) {
    // The walk ended on a container: add to it.
    // defineProperty, not assignment: `at.__proto__ = …` would swap the harness's own prototype.
    if (e.op === 'proto') for (const [k, v] of Object.entries(protoKeys() as object)) Object.defineProperty(at, k, { value: v, enumerable: true, writable: true, configurable: true });
    else if (Array.isArray(at)) at.push(e.value);
    else Object.defineProperty(at, `x${Object.keys(at).length}`, { value: e.value, enumerable: true, writable: true, configurable: true });
    return root;
  }
  switch (e.op) {
    case 'set':
      Object.defineProperty(at, key, { value: e.value, enumerable: true, writable: true, configurable: true });
      break;
    case 'delete':
      if (Array.isArray(at)) at.splice(Number(key), 1);
      else delete at[key];
      break;
    case 'swap':
      at[key] = swapType(at[key]);
      break;
    case 'proto':
      at[key] = protoKeys();
      break;
    case 'wrap':
      at[key] = [at[key]];
      break;
    case 'dup':
      // Many copies of a leaf, a few of a subtree: four edits must not grow an input past memory.
      if (Array.isArray(at)) at.push(...Array.from({ length: isContainer(at[Number(key)]) ? 3 : 50 }, () => structuredClone(at[Number(key)])));
      else at[key] = structuredClone(at);
      break;
  }
  return root;
}

/** A valid JSON value with 1–4 edits (or, now and then, replaced whole). */
export function mutatedJson(valid: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce((v, e) => apply(v, e), structuredClone(valid) as unknown)) },
    { weight: 1, arbitrary: weirdValue },
  );
}

type TextEdit = { at: number; len: number; kind: 'truncate' | 'cut' | 'insert' | 'replace' | 'repeat' | 'deep'; text: string };
const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  at: fc.nat(),
  // For 'deep', how deep: past what JSON.stringify and naive recursion survive (about 4,000), which JSON.parse reads.
  len: fc.oneof(fc.nat({ max: 64 }), fc.integer({ min: 3000, max: 30000 })),
  kind: fc.constantFrom('truncate', 'cut', 'insert', 'replace', 'repeat', 'deep', 'deep'),
  text: fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\', '%', '&', '=', '#', '%E0%A4%A', '\uD800', 'null', '1e999', '"__proto__":{"polluted":1},')),
});

function applyText(s: string, e: TextEdit): string {
  const at = s.length ? e.at % (s.length + 1) : 0;
  switch (e.kind) {
    case 'truncate':
      return s.slice(0, at);
    case 'cut':
      return s.slice(0, at) + s.slice(at + Math.min(e.len, 64));
    case 'insert':
      return s.slice(0, at) + e.text + s.slice(at);
    case 'replace':
      return s.slice(0, at) + e.text + s.slice(at + e.text.length);
    case 'repeat':
      return s.slice(0, at) + s.slice(at, at + Math.min(e.len, 64)).repeat(200) + s.slice(at);
    case 'deep': {
      // The next scalar value after a ':' becomes an array nested e.len deep (or an object, for odd lengths).
      const colon = s.indexOf(':', at);
      if (colon < 0) return s;
      const end = colon + 1 + (/^[^,}\]]*/.exec(s.slice(colon + 1))?.[0].length ?? 0);
      const [open, close] = e.len % 2 ? ['{"a":', '}'] : ['[', ']'];
      return `${s.slice(0, colon + 1)}${open.repeat(e.len)}1${close.repeat(e.len)}${s.slice(end)}`;
    }
  }
}

/** A valid text (JSON, a link) with 1–3 character-level edits: truncations, cuts, stray syntax, deep nesting. */
export function mutatedText(valid: string): fc.Arbitrary<string> {
  return fc.array(textEdit, { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce(applyText, valid));
}

type ByteEdit = { at: number; len: number; kind: 'truncate' | 'flip' | 'set32' | 'insert' | 'cut'; value: number; bytes: Uint8Array };
const byteEdit: fc.Arbitrary<ByteEdit> = fc.record({
  at: fc.nat(),
  len: fc.nat({ max: 32 }),
  kind: fc.constantFrom('truncate', 'flip', 'flip', 'set32', 'set32', 'insert', 'cut'),
  value: fc.oneof(fc.constantFrom(0, 1, 0xffff, 0xffffffff, 0x7fffffff, 0x80000000, 0x04034b50, 0x02014b50, 0x06054b50), fc.nat()),
  bytes: fc.uint8Array({ maxLength: 24 }),
});

function applyBytes(b: Uint8Array, e: ByteEdit): Uint8Array {
  const at = b.length ? e.at % (b.length + 1) : 0;
  switch (e.kind) {
    case 'truncate':
      return b.slice(0, at);
    case 'flip': {
      const out = b.slice();
      if (at < out.length) out[at] ^= 1 << e.value % 8;
      return out;
    }
    case 'set32': {
      const out = b.slice();
      if (at + 4 <= out.length) new DataView(out.buffer).setUint32(at, e.value >>> 0, e.value % 2 === 0);
      return out;
    }
    case 'insert':
      return Uint8Array.from([...b.subarray(0, at), ...e.bytes, ...b.subarray(at)]);
    case 'cut':
      return Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + e.len)]);
  }
}

/** One of the valid byte strings with 1–4 edits: truncated, bits flipped, fields overwritten. */
export function mutatedBytes(valid: Uint8Array[]): fc.Arbitrary<Uint8Array<ArrayBuffer>> {
  return fc.tuple(fc.nat(), fc.array(byteEdit, { minLength: 1, maxLength: 4 })).map(([i, edits]) => Uint8Array.from(edits.reduce(applyBytes, valid[i % valid.length])));
}

/** A valid value, written as JSON, edited as text, and read back (or kept as it was when the edit broke the JSON). */
export function reparsed(valid: unknown): fc.Arbitrary<unknown> {
  return mutatedText(JSON.stringify(valid)).map((t) => {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return t;
    }
  });
}
