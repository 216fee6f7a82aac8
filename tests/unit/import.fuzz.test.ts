// @vitest-environment node
/**
 * Fuzzing the import path: at least 10,000 generated and mutated files, started from valid files of every format
 * the app reads (its bundle, .cyjs, CX2, GraphML, SBGN-ML, SIF), through the worker's own path: the bytes decoded
 * as the worker decodes them (`decodeFile`), then `runImport` (with a quick layout stand-in). Each gives a sound
 * graph or problems, each with a place; nothing throws, nothing is an internal error, nothing is polluted.
 * `npm run fuzz` runs more (FUZZ_RUNS, spread over the formats).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFile, runImport } from '../../src/import/pipeline.ts';
import type { LayoutInput, Positions } from '../../src/layout/types.ts';
import { LIMITS } from '../../src/model/imported.ts';
import { z } from 'zod';
import { entitySchema, figureFileSchema, idSchema } from '../../src/model/schema.ts';
import { shippedModel } from '../helpers/model.ts';
import { FUZZ_FORMATS, mutatedFile, type FuzzFormat } from '../helpers/import-fuzz.ts';

const model = shippedModel();
const atlas = [...model.entities.values()];
const refs = [...model.references.keys()];
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const PER_FORMAT = Math.ceil(RUNS / FUZZ_FORMATS.length);

const importedFigure = figureFileSchema.extend({ sources: z.array(idSchema) });

const grid = async (input: LayoutInput): Promise<Positions> => ({
  hash: 'grid',
  nodes: Object.fromEntries(input.nodes.map((n, i) => [n.id, { x: (i % 20) * 100, y: Math.floor(i / 20) * 60 }])),
  edges: {},
  width: 2000,
  height: 60 * Math.ceil(input.nodes.length / 20),
});

const tally = new Map<FuzzFormat, { graphs: number; refused: number; ms: number }>();

afterAll(() => {
  // The figures the report quotes: how many files each format gave, and how long they took.
  const rows = [...tally].map(([f, t]) => `${f.padEnd(8)} ${String(t.graphs + t.refused).padStart(6)} files  ${String(t.graphs).padStart(5)} graphs  ${String(t.refused).padStart(6)} refused  ${(t.ms / 1000).toFixed(1)} s`);
  console.log(`import fuzz\n${rows.join('\n')}`);
});

describe('import under generated and mutated files of every format', () => {
  it.each(FUZZ_FORMATS)(`${PER_FORMAT} files from valid %s files: each a sound graph or problems with places, never an exception`, async (format) => {
    const t = { graphs: 0, refused: 0, ms: 0 };
    const start = performance.now();
    await fc.assert(
      fc.asyncProperty(mutatedFile(model, format), async ({ name, bytes }) => {
        const text = decodeFile(bytes);
        const r = await runImport({ name, text, atlas, refs }, { layout: grid });
        if ('graph' in r) {
          t.graphs++;
          const g = r.graph;
          // A valid graph: the figure and its own entities hold to the same contract as the shipped graphs (an
          // imported graph may name no MSC source of the review).
          expect(importedFigure.safeParse(g.figure).error?.issues ?? []).toEqual([]);
          for (const e of g.entities) expect(entitySchema.safeParse(e).error?.issues ?? []).toEqual([]);
          const nodes = new Set(g.figure.nodes.map((n) => n.entity));
          expect(nodes.size).toBe(g.figure.nodes.length);
          expect(new Set(g.figure.edges.map((e) => e.id)).size).toBe(g.figure.edges.length);
          const known = new Set([...model.entities.keys(), ...g.entities.map((e) => e.id)]);
          for (const id of nodes) expect(known.has(id)).toBe(true);
          for (const e of g.figure.edges) expect(nodes.has(e.source) && nodes.has(e.target)).toBe(true);
          for (const e of g.entities) expect(e.label.length).toBeLessThanOrEqual(LIMITS.labelChars);
          // Every node the figure draws (those on an edge; isolated ones are counted, not drawn) has a finite
          // place, from the file or from the layout.
          for (const id of new Set(g.figure.edges.flatMap((e) => [e.source, e.target]))) {
            const p = g.positions?.nodes[id];
            expect(Number.isFinite(p?.x) && Number.isFinite(p?.y)).toBe(true);
          }
          expect(Object.getPrototypeOf(g.matches)).toBeNull();
        } else {
          t.refused++;
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) {
            expect(p.place.length).toBeGreaterThan(0);
            expect(p.reason.length).toBeGreaterThan(0);
            expect(p.reason).not.toMatch(/^internal error/);
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: PER_FORMAT },
    );
    t.ms = performance.now() - start;
    tally.set(format, t);
    // Both outcomes are exercised, or the generator is too gentle or too harsh to mean anything.
    expect(t.graphs).toBeGreaterThan(PER_FORMAT / 50);
    expect(t.refused).toBeGreaterThan(PER_FORMAT / 10);
    // The time allowed is generous (one format took 161 s on a heavily loaded machine): speed is measured, not asserted.
  }, Math.max(600_000, PER_FORMAT * 100));
});
