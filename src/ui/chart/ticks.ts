/** Tick positions on one axis: multiples of a "nice" step (1, 2 or 5 × a power of ten). */
export interface Ticks {
  step: number;
  values: number[];
}

/** About `target` ticks spanning [lo, hi]; an empty or inverted range is widened around its value. */
export function niceTicks(lo: number, hi: number, target = 5): Ticks {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { step: 1, values: [] };
  if (!(hi > lo)) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  const step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
  const values: number[] = [];
  // Integer multiples, rounded to 12 digits: repeated addition would print 0.30000000000000004.
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) values.push(Number((k * step).toPrecision(12)) || 0);
  return { step, values };
}

/** A tick label with as many decimals as the step needs; big round numbers as "12k". */
export function formatTick(v: number, step: number): string {
  if (Math.abs(v) >= 10_000 && step >= 1000) return `${formatTick(v / 1000, step / 1000)}k`;
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  const text = v.toFixed(decimals);
  // A true minus sign, as in print; "-0.0" from rounding a tiny negative is just zero.
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text.replace('-', '\u2212');
}
