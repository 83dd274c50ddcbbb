/** Shared checks for the likelihood tests (imported by *.test.ts only). */
import { expect } from 'vitest';
import * as tf from '../tf';
import type { Likelihood } from '../likelihoods/types';

/** Reference softplus in double. */
export const softplusRef = (l: number) => Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));

/** Reference log Γ in double, independent of the Lanczos code: Stirling's series after shifting z ≥ 10. */
export function lgammaRef(z: number): number {
  let s = 0;
  for (; z < 10; z += 1) s -= Math.log(z);
  const series = 1 / (12 * z) - 1 / (360 * z ** 3) + 1 / (1260 * z ** 5) - 1 / (1680 * z ** 7);
  return s + (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + series;
}

/** logProb on plain arrays: x [n][D], params [n][paramsPerPixel·D] (parameter-major). */
export function logProbOf(lik: Likelihood, x: number[][], params: number[][]): number[] {
  return tf.tidy(() => Array.from(lik.logProb(tf.tensor2d(x), tf.tensor2d(params)).dataSync()));
}

/** ∂ Σ logProb / ∂ params, as [n][paramsPerPixel·D]. */
export function gradOf(lik: Likelihood, x: number[][], params: number[][]): number[][] {
  return tf.tidy(() => {
    const xt = tf.tensor2d(x);
    const g = tf.grad((p: tf.Tensor) => tf.sum(lik.logProb(xt, p as tf.Tensor2D)))(tf.tensor2d(params));
    return g.arraySync() as number[][];
  });
}

/** Central differences of a double-precision reference f(paramsRow) for one image. */
export function finiteDiff(f: (p: number[]) => number, p: number[], h = 1e-5): number[] {
  return p.map((_, j) => {
    const at = (d: number) => f(p.map((v, k) => (k === j ? v + d : v)));
    return (at(h) - at(-h)) / (2 * h);
  });
}

/** One pixel's density p(x | params) on a grid of x values, all from one tensor call. */
export function densityOnGrid(lik: Likelihood, paramsOfPixel: number[], xs: number[]): number[] {
  const lp = logProbOf(lik, xs.map((x) => [x]), xs.map(() => paramsOfPixel));
  return lp.map(Math.exp);
}

/** Composite Simpson's rule of samples f on an even number of equal intervals over [a, b]. */
export function simpson(f: number[], a: number, b: number): number {
  const n = f.length - 1;
  if (n % 2 !== 0) throw new Error('simpson needs an even number of intervals');
  const h = (b - a) / n;
  let s = f[0] + f[n];
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f[i];
  return (s * h) / 3;
}

export function grid(a: number, b: number, intervals: number): number[] {
  return Array.from({ length: intervals + 1 }, (_, i) => a + ((b - a) * i) / intervals);
}

/** mean and sample for one pixel's parameters repeated n times; also checks for tensor leaks. */
export function meanAndSamples(lik: Likelihood, paramsOfPixel: number[], n: number, seed: number) {
  const before = tf.memory().numTensors;
  const out = tf.tidy(() => {
    const params = tf.tile(tf.tensor2d([paramsOfPixel]), [n, 1]) as tf.Tensor2D;
    const m = lik.mean(params).dataSync()[0];
    const s = Array.from(lik.sample(params, seed).dataSync());
    return { mean: m, samples: s };
  });
  expect(tf.memory().numTensors).toBe(before);
  return out;
}

/** Sample reproducibility, range and empirical mean for several parameter settings. */
export function checkSampling(lik: Likelihood, settings: number[][], wantMean: (p: number[]) => number, range: [number, number] = [0, 1]) {
  for (const p of settings) {
    const a = meanAndSamples(lik, p, 20000, 7);
    const b = meanAndSamples(lik, p, 20000, 7);
    const c = meanAndSamples(lik, p, 20000, 8);
    expect(a.samples).toEqual(b.samples);
    expect(a.samples).not.toEqual(c.samples);
    expect(a.mean).toBeGreaterThanOrEqual(0);
    expect(a.mean).toBeLessThanOrEqual(1);
    expect(a.mean).toBeCloseTo(wantMean(p), 4);
    const avg = a.samples.reduce((s, v) => s + v, 0) / a.samples.length;
    const sd = Math.sqrt(a.samples.reduce((s, v) => s + (v - avg) ** 2, 0) / a.samples.length);
    expect(Math.abs(avg - a.mean)).toBeLessThan(4 * (sd / Math.sqrt(a.samples.length)) + 1e-6);
    expect(a.samples.every(Number.isFinite)).toBe(true);
    expect(Math.min(...a.samples)).toBeGreaterThanOrEqual(range[0]);
    expect(Math.max(...a.samples)).toBeLessThanOrEqual(range[1]);
  }
}

/** logProb, its gradient and mean all finite (and no leak) at the given parameter rows. */
export function checkFinite(lik: Likelihood, x: number[], paramRows: number[][]) {
  const before = tf.memory().numTensors;
  for (const p of paramRows) {
    const xs = x.map((v) => [v]);
    const ps = x.map(() => p);
    for (const v of logProbOf(lik, xs, ps)) expect(Number.isFinite(v), `logProb at ${p}`).toBe(true);
    for (const row of gradOf(lik, xs, ps)) for (const v of row) expect(Number.isFinite(v), `grad at ${p}`).toBe(true);
    const m = tf.tidy(() => Array.from(lik.mean(tf.tensor2d([p])).dataSync()));
    for (const v of m) expect(v >= 0 && v <= 1, `mean at ${p}`).toBe(true);
  }
  expect(tf.memory().numTensors).toBe(before);
}
