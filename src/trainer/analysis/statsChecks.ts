/** Request checks shared by the statistics analyses; messages name the request field. */

export function checkInt(field: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${field}: ${v} is not a whole number from ${lo} to ${hi}`);
}

export function checkRange(field: string, v: number, lo: number, hi: number, loOpen = false): void {
  const ok = Number.isFinite(v) && (loOpen ? v > lo : v >= lo) && v <= hi;
  if (!ok) throw new Error(`${field}: ${v} is not a number in ${loOpen ? '(' : '['}${lo}, ${hi}]`);
}

export function checkOneOf<T extends string>(field: string, v: T, options: readonly T[]): void {
  if (!options.includes(v)) throw new Error(`${field}: "${v}" is not one of ${options.join(', ')}`);
}
