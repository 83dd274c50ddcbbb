import { describe, expect, it } from 'vitest';
import { nextBackend } from './fallback';

describe('nextBackend', () => {
  it('falls back to the next backend in line, ending on the CPU', () => {
    expect(nextBackend('webgpu')).toBe('webgl');
    expect(nextBackend('webgl')).toBe('wasm');
    expect(nextBackend('wasm')).toBe('cpu');
    expect(nextBackend('cpu')).toBe('cpu');
  });
});
