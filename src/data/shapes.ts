/**
 * Procedural shapes (seed report 002): a filled rectangle, circle or triangle of random size,
 * position and rotation per image, white on black, labelled by shape. Image i of a split is drawn
 * from its own seeded stream, so the set is the same on every machine, any image can be made
 * alone (the picker's preview equals the first training images), and any count is possible.
 * DOM- and tfjs-free: the worker generates the training data, the page its preview.
 *
 * The config names a shapes set by its dataset id: "shapes" (28 px, 6,000 training images,
 * seed 1) or "shapes-<size>px-<count>-seed<seed>", e.g. "shapes-32px-10000-seed7".
 */
import { mulberry32 } from './random';

export const SHAPE_CLASSES = ['rectangle', 'circle', 'triangle'] as const;
export type ShapeKind = (typeof SHAPE_CLASSES)[number];

export interface ShapesSpec {
  /** Width and height in pixels. */
  size: number;
  /** Training images; the test split has a sixth as many (at least 30), as MNIST does. */
  count: number;
  seed: number;
}
export const DEFAULT_SHAPES: ShapesSpec = { size: 28, count: 6000, seed: 1 };
export const SHAPES_LIMITS = { minSize: 28, maxSize: 128, minCount: 30, maxCount: 60000, maxSeed: 2 ** 31 - 1, maxPixels: 60000 * 28 * 28 };

export interface ShapeParams {
  kind: ShapeKind;
  cx: number;
  cy: number;
  /** Circumradius: the circle's radius, half the rectangle's diagonal, the triangle's vertex distance. */
  r: number;
  rotation: number;
  /** Rectangle: half width and half height before rotation. */
  half?: [number, number];
  /** Triangle: vertex positions. */
  vertices?: [number, number][];
}

const ID = /^shapes(?:-(\d{1,4})px-(\d{1,9})-seed(\d{1,10}))?$/;

export function shapesId(s: ShapesSpec): string {
  return s.size === DEFAULT_SHAPES.size && s.count === DEFAULT_SHAPES.count && s.seed === DEFAULT_SHAPES.seed ? 'shapes' : `shapes-${s.size}px-${s.count}-seed${s.seed}`;
}

/** The spec an id names, null when it is not a shapes id; throws when its numbers are out of range. */
export function parseShapesId(id: string): ShapesSpec | null {
  const m = ID.exec(id);
  if (!m) return null;
  const spec = m[1] ? { size: Number(m[1]), count: Number(m[2]), seed: Number(m[3]) } : { ...DEFAULT_SHAPES };
  const problem = checkShapesSpec(spec);
  if (problem) throw new Error(`Dataset "${id}": ${problem}`);
  return spec;
}

/** Why a shapes id names a set that cannot be made (out of the limits), or null (fine, or not a shapes id). */
export function shapesProblem(id: string): string | null {
  const m = ID.exec(id);
  return m?.[1] ? checkShapesSpec({ size: Number(m[1]), count: Number(m[2]), seed: Number(m[3]) }) : null;
}

/** A message for a spec out of range, or null. */
export function checkShapesSpec(s: ShapesSpec): string | null {
  const L = SHAPES_LIMITS;
  if (!Number.isInteger(s.size) || s.size < L.minSize || s.size > L.maxSize) return `image size must be a whole number of pixels from ${L.minSize} to ${L.maxSize} (got ${s.size})`;
  if (!Number.isInteger(s.count) || s.count < L.minCount || s.count > L.maxCount) return `the number of training images must be from ${L.minCount} to ${L.maxCount.toLocaleString('en')} (got ${s.count})`;
  if (!Number.isInteger(s.seed) || s.seed < 0 || s.seed > L.maxSeed) return `the seed must be a whole number from 0 to ${L.maxSeed} (got ${s.seed})`;
  const max = Math.floor(L.maxPixels / (s.size * s.size));
  if (s.count > max) return `at ${s.size}×${s.size} pixels at most ${max.toLocaleString('en')} training images fit in memory (got ${s.count})`;
  return null;
}

export const testCount = (s: ShapesSpec) => Math.max(30, Math.round(s.count / 6));

/** Labels cycle through the classes, so each class has a third of each split (±1). */
export function shapeLabel(i: number): number {
  return i % SHAPE_CLASSES.length;
}

export function shapeClassCounts(n: number): number[] {
  return SHAPE_CLASSES.map((_, k) => Math.floor(n / 3) + (k < n % 3 ? 1 : 0));
}

function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}


/** The shape of image i of a split. */
export function shapeParams(s: ShapesSpec, split: 'train' | 'test', i: number): ShapeParams {
  const rand = mulberry32(fmix32(fmix32(s.seed ^ 0x5eed) ^ (split === 'train' ? 0x1234567 : 0x7654321)) ^ fmix32(i + 1));
  const between = (lo: number, hi: number) => lo + (hi - lo) * rand();
  const kind = SHAPE_CLASSES[shapeLabel(i)];
  const r = between(0.18, 0.42) * s.size;
  // The circumscribed circle stays a pixel inside the border, so no shape is ever clipped.
  const cx = between(r + 1, s.size - r - 1);
  const cy = between(r + 1, s.size - r - 1);
  const rotation = between(0, 2 * Math.PI);
  if (kind === 'rectangle') {
    const aspect = between(Math.PI / 8, (3 * Math.PI) / 8);
    return { kind, cx, cy, r, rotation, half: [r * Math.cos(aspect), r * Math.sin(aspect)] };
  }
  if (kind === 'triangle') {
    const angles = [0, (2 * Math.PI) / 3 + between(-Math.PI / 9, Math.PI / 9), (4 * Math.PI) / 3 + between(-Math.PI / 9, Math.PI / 9)];
    const vertices = angles.map((a): [number, number] => [cx + r * Math.cos(rotation + a), cy + r * Math.sin(rotation + a)]);
    return { kind, cx, cy, r, rotation, vertices };
  }
  return { kind, cx, cy, r, rotation };
}

/** The exact area of a shape, in square pixels. */
export function shapeArea(p: ShapeParams): number {
  if (p.kind === 'circle') return Math.PI * p.r * p.r;
  if (p.kind === 'rectangle') return 4 * p.half![0] * p.half![1];
  const [[x0, y0], [x1, y1], [x2, y2]] = p.vertices!;
  return Math.abs((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)) / 2;
}

function insideTest(p: ShapeParams): (x: number, y: number) => boolean {
  const { cx, cy, r } = p;
  if (p.kind === 'circle') return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  if (p.kind === 'rectangle') {
    const [a, b] = p.half!;
    const c = Math.cos(p.rotation);
    const s = Math.sin(p.rotation);
    return (x, y) => Math.abs((x - cx) * c + (y - cy) * s) <= a && Math.abs(-(x - cx) * s + (y - cy) * c) <= b;
  }
  const v = p.vertices!;
  const edge = (i: number, x: number, y: number) => {
    const [ax, ay] = v[i];
    const [bx, by] = v[(i + 1) % 3];
    return (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  };
  return (x, y) => {
    const e0 = edge(0, x, y);
    const e1 = edge(1, x, y);
    const e2 = edge(2, x, y);
    return (e0 >= 0 && e1 >= 0 && e2 >= 0) || (e0 <= 0 && e1 <= 0 && e2 <= 0);
  };
}

const SUB = 4;

/** Draws one shape into `out` (size×size grey levels, zero background): 16 samples per pixel. */
export function renderShape(p: ShapeParams, size: number, out: Uint8Array): void {
  const inside = insideTest(p);
  const x0 = Math.max(0, Math.floor(p.cx - p.r));
  const x1 = Math.min(size - 1, Math.ceil(p.cx + p.r));
  const y0 = Math.max(0, Math.floor(p.cy - p.r));
  const y1 = Math.min(size - 1, Math.ceil(p.cy + p.r));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let hits = 0;
      for (let j = 0; j < SUB; j++) for (let k = 0; k < SUB; k++) if (inside(x + (k + 0.5) / SUB, y + (j + 0.5) / SUB)) hits++;
      out[y * size + x] = Math.round((255 * hits) / (SUB * SUB));
    }
  }
}

export interface ShapesSplit { images: Uint8Array; labels: Uint8Array; count: number }

/** Images start..start+n of a split. */
export function shapeImages(s: ShapesSpec, split: 'train' | 'test', start: number, n: number): ShapesSplit {
  const px = s.size * s.size;
  const images = new Uint8Array(n * px);
  const labels = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = start + k;
    renderShape(shapeParams(s, split, i), s.size, images.subarray(k * px, (k + 1) * px));
    labels[k] = shapeLabel(i);
  }
  return { images, labels, count: n };
}

/** Both splits, yielding to the event loop between chunks (so a worker stays responsive). */
export async function generateShapes(
  s: ShapesSpec,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ train: ShapesSplit; test: ShapesSplit }> {
  const total = s.count + testCount(s);
  const px = s.size * s.size;
  const out = { train: { images: new Uint8Array(s.count * px), labels: new Uint8Array(s.count), count: s.count }, test: { images: new Uint8Array(testCount(s) * px), labels: new Uint8Array(testCount(s)), count: testCount(s) } };
  const chunk = Math.max(50, Math.floor(200_000 / px));
  let done = 0;
  for (const split of ['train', 'test'] as const) {
    const target = out[split];
    for (let start = 0; start < target.count; start += chunk) {
      const part = shapeImages(s, split, start, Math.min(chunk, target.count - start));
      target.images.set(part.images, start * px);
      target.labels.set(part.labels, start);
      done += part.count;
      onProgress(done, total);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  return out;
}
