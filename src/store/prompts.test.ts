import { describe, expect, it, vi } from 'vitest';
import { createPromptsStore } from './prompts';

describe('prompts store', () => {
  it('resets at once when there is no progress to lose', () => {
    const reset = vi.fn();
    const store = createPromptsStore(() => 0, reset);
    store.getState().actions.requestReset();
    expect(reset).toHaveBeenCalledTimes(1);
    expect(store.getState().reset).toBe(false);
  });

  it('asks first when the run has steps, and resets nothing until answered', () => {
    const reset = vi.fn();
    const store = createPromptsStore(() => 2000, reset);
    store.getState().actions.requestReset();
    expect(reset).not.toHaveBeenCalled();
    expect(store.getState().reset).toBe(true);
    store.getState().actions.closeReset();
    expect(store.getState().reset).toBe(false);
  });
});
