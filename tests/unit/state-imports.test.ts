/**
 * The state's modules import one another in one direction only: the atoms and the URL mirror share the shape of the
 * user's choices through choices.ts, so neither imports the other (a cycle, even of types only, ties them together:
 * a change to one re-checks and re-tests the other, and the load order decides which sees the other's values).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../../src/state');

/** Module → the modules of src/state it imports (values and types alike). */
export function stateImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
    const text = readFileSync(resolve(dir, file), 'utf8');
    const targets = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+'\.\/([\w-]+\.tsx?)'/g)].map((m) => m[1]!);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** A cycle of imports, as the list of modules along it, or null. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n];
    state.set(n, 'open');
    path.push(n);
    for (const t of graph.get(n) ?? []) {
      const found = visit(t);
      if (found) return found;
    }
    path.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of graph.keys()) {
    const found = visit(n);
    if (found) return found;
  }
  return null;
}

describe('src/state imports', () => {
  it('finds a cycle when there is one, and none in a chain', () => {
    expect(findCycle(new Map([['a.ts', ['b.ts']], ['b.ts', ['a.ts']]]))).toEqual(['a.ts', 'b.ts', 'a.ts']);
    expect(findCycle(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', []]]))).toBeNull();
  });

  it('reads the imports of the state modules, types included', () => {
    const graph = stateImports();
    expect(graph.get('atoms.ts')).toContain('choices.ts');
    expect(graph.get('url.ts')).toContain('choices.ts');
  });

  it('has no import cycle: atoms.ts and url.ts meet in choices.ts', () => {
    const graph = stateImports();
    expect(graph.get('url.ts')).not.toContain('atoms.ts');
    expect(graph.get('atoms.ts')).not.toContain('url.ts');
    expect(findCycle(graph)).toBeNull();
  });
});
