/**
 * The one door to the browser's storage: the user's imported graphs in IndexedDB (through `idb`). Nothing else in
 * the app touches IndexedDB. A graph is written whole in one transaction, so a failed import stores nothing.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { ImportedGraph } from '../model/imported.ts';

const DB_NAME = 'msc-pof-atlas';
const STORE = 'graphs';

let db: Promise<IDBPDatabase> | undefined;
function open(): Promise<IDBPDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('this browser keeps no data (no IndexedDB)'));
  db ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE, { keyPath: 'key' });
    },
  });
  db.catch(() => (db = undefined));
  return db;
}

/** A stored record is used only if it still has the shape the app needs (an older or damaged one is skipped). */
function usable(v: unknown): v is ImportedGraph {
  const g = v as ImportedGraph;
  return Boolean(g && typeof g.key === 'string' && typeof g.name === 'string' && g.figure && Array.isArray(g.figure.nodes) && Array.isArray(g.figure.edges) && Array.isArray(g.entities));
}

/** Every stored graph, oldest import first. */
export async function listGraphs(): Promise<ImportedGraph[]> {
  const all = (await (await open()).getAll(STORE)) as unknown[];
  return all.filter(usable).sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

export async function saveGraph(graph: ImportedGraph): Promise<void> {
  await (await open()).put(STORE, graph);
}

export async function renameGraph(key: string, name: string): Promise<void> {
  const d = await open();
  const tx = d.transaction(STORE, 'readwrite');
  const g = (await tx.store.get(key)) as ImportedGraph | undefined;
  if (g) await tx.store.put({ ...g, name });
  await tx.done;
}

export async function removeGraph(key: string): Promise<void> {
  await (await open()).delete(STORE, key);
}
