/**
 * Fuzzing the import path: ≥10,000 generated and mutated files through `runImport` (the worker's own path, with a
 * quick layout stand-in). Each gives a sound graph or problems, each with a place; nothing throws, nothing is an
 * internal error. `npm run fuzz` runs more (FUZZ_RUNS).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/import/pipeline.ts';
import type { LayoutInput, Positions } from '../../src/layout/types.ts';
import { shippedModel } from '../helpers/model.ts';
import { mutatedFile } from '../helpers/import-fuzz.ts';

const model = shippedModel();
const atlas = [...model.entities.values()];
const refs = [...model.references.keys()];
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

const grid = async (input: LayoutInput): Promise<Positions> => ({
  hash: 'grid',
  nodes: Object.fromEntries(input.nodes.map((n, i) => [n.id, { x: (i % 20) * 100, y: Math.floor(i / 20) * 60 }])),
  edges: {},
  width: 2000,
  height: 60 * Math.ceil(input.nodes.length / 20),
});

describe('import under generated and mutated files', () => {
  it(`${RUNS} files: each a sound graph or problems with places, never an exception`, async () => {
    let graphs = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutatedFile(model), async ({ name, text }) => {
        const r = await runImport({ name, text, atlas, refs }, { layout: grid });
        if ('graph' in r) {
          graphs++;
          const g = r.graph;
          const nodes = new Set(g.figure.nodes.map((n) => n.entity));
          const known = new Set([...model.entities.keys(), ...g.entities.map((e) => e.id)]);
          for (const id of nodes) expect(known.has(id)).toBe(true);
          for (const e of g.figure.edges) expect(nodes.has(e.source) && nodes.has(e.target)).toBe(true);
          expect(Object.getPrototypeOf(g.matches)).toBeNull();
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        } else {
          refused++;
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) {
            expect(p.place.length).toBeGreaterThan(0);
            expect(p.reason).not.toMatch(/^internal error/);
          }
        }
      }),
      { numRuns: RUNS },
    );
    // Both outcomes are exercised, or the generator is too gentle or too harsh to mean anything.
    expect(graphs).toBeGreaterThan(RUNS / 200);
    expect(refused).toBeGreaterThan(RUNS / 2);
  }, Math.max(120_000, RUNS * 15));
});
