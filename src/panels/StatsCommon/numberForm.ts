/** Parsing for the analysis panels' number fields; pure, so it is tested without a page. */

export interface NumberSpec {
  label: string;
  integer?: boolean;
  min: number;
  max: number;
  /** The lower bound itself is not allowed (e.g. a learning rate > 0). */
  minExclusive?: boolean;
}

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

export function parseNumber(spec: NumberSpec, text: string): Parsed {
  const t = text.trim().replace(/,/g, '').replace(/^−/, '-');
  const v = t === '' ? NaN : Number(t);
  const low = spec.minExclusive ? v > spec.min : v >= spec.min;
  if (Number.isFinite(v) && low && v <= spec.max && (!spec.integer || Number.isInteger(v))) return { ok: true, value: v };
  const range = spec.minExclusive ? `above ${spec.min} and at most ${fmt(spec.max)}` : `from ${fmt(spec.min)} to ${fmt(spec.max)}`;
  return { ok: false, error: `${spec.label} must be ${spec.integer ? 'a whole number' : 'a number'} ${range}.` };
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? v.toLocaleString('en-US') : String(v);
}

/** Every field parsed: the values when all are valid, and each field's error. */
export function parseAll<K extends string>(specs: Record<K, NumberSpec>, texts: Record<K, string>): { values: Record<K, number> | null; errors: Partial<Record<K, string>> } {
  const values = {} as Record<K, number>;
  const errors: Partial<Record<K, string>> = {};
  for (const key of Object.keys(specs) as K[]) {
    const p = parseNumber(specs[key], texts[key]);
    if (p.ok) values[key] = p.value;
    else errors[key] = p.error;
  }
  return { values: Object.keys(errors).length ? null : values, errors };
}
