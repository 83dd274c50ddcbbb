/** Helpers of the validators of outside files (dataset manifest, lessons). */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as a message quotes it: cut short, and never a crash on a value nested thousands deep. */
export function show(v: unknown): string {
  if (v === undefined) return 'missing';
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = Array.isArray(v) ? '[…]' : '{…}';
  }
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
