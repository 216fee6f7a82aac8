/** The storage door, against an in-memory IndexedDB: whole graphs in, the same graphs out, rename and remove. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ImportedGraph } from '../../src/model/imported.ts';
import { listGraphs, removeGraph, renameGraph, saveGraph } from '../../src/storage/graphs.ts';

const graph = (key: string, importedAt: string): ImportedGraph => ({
  key,
  name: key,
  file: `${key}.json`,
  format: 'bundle',
  importedAt,
  figure: { id: key, order: 1000, label: key, title: key, caption: 'c', section: 's', sources: [], nodes: [{ entity: 'hgf' }], edges: [] },
  entities: [],
  references: [],
  matches: {},
  stats: { nodes: 1, edges: 0, matched: 1, isolated: 0 },
});

describe('stored graphs', () => {
  it('keeps graphs whole, in import order, renames and removes them, and skips damaged records', async () => {
    await saveGraph(graph('import-b-00000002', '2026-01-02T00:00:00Z'));
    await saveGraph(graph('import-a-00000001', '2026-01-01T00:00:00Z'));
    expect((await listGraphs()).map((g) => g.key)).toEqual(['import-a-00000001', 'import-b-00000002']);
    await renameGraph('import-a-00000001', 'My pathway');
    expect((await listGraphs())[0]).toEqual({ ...graph('import-a-00000001', '2026-01-01T00:00:00Z'), name: 'My pathway' });
    await removeGraph('import-b-00000002');
    expect((await listGraphs()).map((g) => g.key)).toEqual(['import-a-00000001']);
    // A record that is not a graph (an older version, a damaged store) is left out, not trusted.
    const req = indexedDB.open('msc-pof-atlas', 1);
    await new Promise((r) => (req.onsuccess = r));
    const tx = req.result.transaction('graphs', 'readwrite');
    tx.objectStore('graphs').put({ key: 'import-bad-00000003', name: 5 });
    await new Promise((r) => (tx.oncomplete = r));
    expect((await listGraphs()).map((g) => g.key)).toEqual(['import-a-00000001']);
  });
});
