/** Mean of the values and its standard error, sd/√n with the n − 1 sample sd (0 for one value). */
export function meanAndStdErr(v: ArrayLike<number>): { mean: number; stdErr: number } {
  const n = v.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += v[i] / n;
  if (n < 2) return { mean, stdErr: 0 };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (v[i] - mean) ** 2;
  return { mean, stdErr: Math.sqrt(ss / (n - 1) / n) };
}
