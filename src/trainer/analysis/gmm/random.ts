import { mulberry32 } from '../../random';

/** A seeded source of uniforms and standard normals (Box–Muller), for plain-TS sampling. */
export interface Rng {
  uniform(): number;
  normal(): number;
}

export function seededRng(seed: number): Rng {
  const u = mulberry32(seed);
  let spare: number | null = null;
  return {
    uniform: u,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      // 1 − u keeps the log argument in (0, 1].
      const r = Math.sqrt(-2 * Math.log(1 - u()));
      const t = 2 * Math.PI * u();
      spare = r * Math.sin(t);
      return r * Math.cos(t);
    },
  };
}
