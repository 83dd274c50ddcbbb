import { describe, expect, it } from 'vitest';
import { BACKENDS } from './experiment';
import { nextBackend } from './fallback';

describe('nextBackend', () => {
  it('takes a run whose GPU device was lost off the GPU, and WASM on to the CPU', () => {
    expect(nextBackend('webgpu')).toBe('wasm');
    expect(nextBackend('webgl')).toBe('wasm');
    expect(nextBackend('wasm')).toBe('cpu');
    expect(nextBackend('cpu')).toBe('cpu');
  });

  it('never falls back to a GPU backend, whatever was lost', () => {
    for (const b of BACKENDS) expect(['wasm', 'cpu']).toContain(nextBackend(b));
  });
});
