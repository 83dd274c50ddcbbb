import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Command } from '../protocol';
import { createCatalogStore } from './catalog';

function setup(selected: string) {
  const sent: Command[] = [];
  const selects: string[] = [];
  const store = createCatalogStore({ manifestUrl: 'http://x/manifest.json', send: (c) => sent.push(c), selected: () => selected, select: (id) => selects.push(id) });
  return { actions: store.getState().actions, sent, selects };
}

describe('catalog actions', () => {
  it('deleting the selected dataset tells the worker and falls back to MNIST', async () => {
    const { actions, sent, selects } = setup('upload-cats');
    await actions.remove(['upload-cats']);
    expect(sent).toEqual([{ type: 'datasetsChanged', ids: ['upload-cats'] }]);
    expect(selects).toEqual(['mnist']);
  });

  it('deleting others, or every stored dataset, tells the worker and keeps an unaffected selection', async () => {
    const { actions, sent, selects } = setup('shapes');
    await actions.remove(['upload-a', 'url-b']);
    await actions.remove(['mnist', 'upload-a'], true);
    expect(sent).toEqual([
      { type: 'datasetsChanged', ids: ['upload-a', 'url-b'] },
      { type: 'datasetsChanged', ids: ['mnist', 'upload-a'] },
    ]);
    expect(selects).toEqual([]);
  });
});
