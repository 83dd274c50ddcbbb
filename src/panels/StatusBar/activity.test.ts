import { describe, expect, it } from 'vitest';
import { activityText } from './activity';

describe('activityText', () => {
  it('gives the share done, rounded down so 100 % means finished', () => {
    expect(activityText({ task: 'dataset', label: 'Loading MNIST', done: 399, total: 1000 })).toBe('Loading MNIST… 39 %');
    expect(activityText({ task: 'dataset', label: 'Loading MNIST', done: 999, total: 1000 })).toBe('Loading MNIST… 99 %');
  });
  it('says only what is happening when the total is unknown', () => {
    expect(activityText({ task: 'backend', label: 'Choosing a backend', done: 0, total: 0 })).toBe('Choosing a backend…');
  });
});
