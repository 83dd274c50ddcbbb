import { describe, expect, it } from 'vitest';
import { createDisplayStore, parseSaved, resolvedTheme } from './display';
import { lineWidth, markerSize, plotColors, plotFont } from '../ui/plotTheme';

describe('display preferences', () => {
  it('reads a saved choice and falls back on missing or foreign data', () => {
    expect(parseSaved(JSON.stringify({ presenter: true, theme: 'dark' }))).toEqual({ presenter: true, theme: 'dark' });
    expect(parseSaved(null)).toEqual({ presenter: false, theme: 'system' });
    expect(parseSaved('{not json')).toEqual({ presenter: false, theme: 'system' });
    expect(parseSaved(JSON.stringify({ presenter: 'yes', theme: 'sepia' }))).toEqual({ presenter: false, theme: 'system' });
  });

  it('resolves system to the device setting, and an explicit theme to itself', () => {
    expect(resolvedTheme({ theme: 'system', systemTheme: 'dark' })).toBe('dark');
    expect(resolvedTheme({ theme: 'light', systemTheme: 'dark' })).toBe('light');
    const store = createDisplayStore({ presenter: false, theme: 'system' }, 'light');
    store.getState().actions.setSystemTheme('dark');
    expect(resolvedTheme(store.getState())).toBe('dark');
    store.getState().actions.togglePresenter();
    expect(store.getState().presenter).toBe(true);
  });

  it('gives charts thicker lines, bigger type and theme colours', () => {
    const normal = { presenter: false, theme: 'light' as const, systemTheme: 'light' as const };
    const shown = { ...normal, presenter: true, theme: 'dark' as const };
    expect(lineWidth(2, normal)).toBe(2);
    expect(lineWidth(2, shown)).toBe(4);
    expect(markerSize(5, shown)).toBeGreaterThan(5);
    expect((plotFont(shown).size as number) / (plotFont(normal).size as number)).toBeGreaterThanOrEqual(1.5);
    expect(plotColors(shown).text).not.toBe(plotColors(normal).text);
  });
});
