/** A fresh seed for "new samples"-style buttons; any 31-bit value does. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** The choice a "show" select offers for what the decoder draws. */
export const OUTPUT_OPTIONS = [
  { value: 'mean', label: 'Decoder mean E[x|z]' },
  { value: 'sample', label: 'A draw x ~ p(x|z)' },
] as const;
