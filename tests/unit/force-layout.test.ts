/**
 * The layout of big imports (force-layout.ts): a 2,000-node, 4,000-edge network as the import path builds it is
 * placed whole, with no two node boxes overlapping, linked nodes near each other, the same way every time.
 */
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/import/pipeline.ts';
import { forceLayout, levelSizes, removeOverlaps } from '../../src/layout/force-layout.ts';
import { importAlgorithm, layoutImported, LAYERED_MAX_NODES } from '../../src/layout/import-layout.ts';
import { overlappingNodes } from '../../src/layout/overlap.ts';
import { layoutHash, type LayoutInput, type Positions } from '../../src/layout/types.ts';
import { shippedModel } from '../helpers/model.ts';
import { scaleGraph } from '../helpers/scale-graph.ts';

const model = shippedModel();

/** The layout input the import path builds for a generated network (the layout itself is captured, not run). */
const inputs = new Map<string, Promise<LayoutInput>>();
const importInput = (nodes: number, edges: number) => inputs.get(`${nodes}/${edges}`) ?? inputs.set(`${nodes}/${edges}`, buildInput(nodes, edges)).get(`${nodes}/${edges}`)!;

async function buildInput(nodes: number, edges: number): Promise<LayoutInput> {
  const g = scaleGraph(nodes, edges);
  let input: LayoutInput | undefined;
  const r = await runImport(
    { name: g.name, text: g.text, atlas: [...model.entities.values()], refs: [...model.references.keys()] },
    {
      layout: async (i) => {
        input = i;
        return { hash: '', nodes: {}, edges: {}, width: 0, height: 0 };
      },
    },
  );
  if (!('graph' in r)) throw new Error(JSON.stringify(r.problems));
  return input!;
}

const distance = (p: Positions, a: string, b: string) => Math.hypot(p.nodes[a]!.x - p.nodes[b]!.x, p.nodes[a]!.y - p.nodes[b]!.y);

describe('the algorithm for the size', () => {
  it('is ELK layered up to 300 nodes and force-directed beyond', () => {
    const nodes = (n: number) => ({ nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, width: 50, height: 30, partition: 2 })) });
    expect(LAYERED_MAX_NODES).toBe(300);
    expect(importAlgorithm(nodes(300))).toBe('layered');
    expect(importAlgorithm(nodes(301))).toBe('force');
  });
});

describe('a 2,000-node, 4,000-edge import', () => {
  it('is placed whole: every node inside the drawing, no two boxes overlapping, edges straight, linked nodes close', { timeout: 120_000 }, async () => {
    const input = await importInput(2000, 4000);
    expect(input.nodes.length).toBeGreaterThan(1990);
    expect(input.edges).toHaveLength(4000);
    const progress: number[] = [];
    const p = await layoutImported(input, (d) => progress.push(d));
    expect(p.hash).toBe(layoutHash(input));
    // Progress goes up to done.
    expect(progress.length).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    for (const n of input.nodes) {
      const c = p.nodes[n.id]!;
      expect(c.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(c.y - n.height / 2).toBeGreaterThanOrEqual(0);
      expect(c.x + n.width / 2).toBeLessThanOrEqual(p.width);
      expect(c.y + n.height / 2).toBeLessThanOrEqual(p.height);
    }
    expect(overlappingNodes(input, p)).toEqual([]);
    expect(Object.keys(p.edges).sort()).toEqual(input.edges.map((e) => e.id).sort());
    expect(Object.values(p.edges).every((route) => route.length === 0)).toBe(true);
    // Not a scatter: a linked pair is on average far nearer than two nodes picked at random (half of this generated
    // network's extra edges join random nodes, so no drawing makes every link short).
    const linked = input.edges.reduce((s, e) => s + distance(p, e.source, e.target), 0) / input.edges.length;
    let random = 0;
    for (let i = 0; i < 4000; i++) random += distance(p, input.nodes[(i * 7919) % input.nodes.length]!.id, input.nodes[(i * 104_729 + 13) % input.nodes.length]!.id);
    expect(linked).toBeLessThan(random / 4000 / 2);
    // A compact drawing: the boxes cover a fair share of it (a scatter or a line would not).
    const boxes = input.nodes.reduce((s, n) => s + n.width * n.height, 0);
    expect(boxes / (p.width * p.height)).toBeGreaterThan(0.1);
  });
});

describe('a 10,000-node import (the import limit: 20,000 nodes and edges)', () => {
  it('is laid out on coarser copies first: a few levels down to 200 nodes or fewer, each about half the one below', { timeout: 120_000 }, async () => {
    const input = await importInput(10_000, 10_000);
    const sizes = levelSizes(input);
    expect(sizes[0]).toBe(input.nodes.length);
    expect(sizes.at(-1)).toBeLessThanOrEqual(200);
    expect(sizes.length).toBeLessThanOrEqual(8);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]! * 0.9);
  });

  it('is placed whole with no overlapping boxes, linked nodes close, and compact', { timeout: 120_000 }, async () => {
    const input = await importInput(10_000, 10_000);
    const p = forceLayout(input);
    expect(overlappingNodes(input, p)).toEqual([]);
    for (const n of input.nodes) {
      const c = p.nodes[n.id]!;
      expect(c.x - n.width / 2 >= 0 && c.y - n.height / 2 >= 0 && c.x + n.width / 2 <= p.width && c.y + n.height / 2 <= p.height).toBe(true);
    }
    const linked = input.edges.reduce((s, e) => s + distance(p, e.source, e.target), 0) / input.edges.length;
    let random = 0;
    for (let i = 0; i < 4000; i++) random += distance(p, input.nodes[(i * 7919) % input.nodes.length]!.id, input.nodes[(i * 104_729 + 13) % input.nodes.length]!.id);
    // A tree-like network (10,000 edges): its links can all be short.
    expect(linked).toBeLessThan(random / 4000 / 10);
    const boxes = input.nodes.reduce((s, n) => s + n.width * n.height, 0);
    expect(boxes / (p.width * p.height)).toBeGreaterThan(0.1);
  });
});

describe('force layout', () => {
  it('gives the same drawing for the same graph', async () => {
    const input = await importInput(400, 800);
    expect(forceLayout(input)).toEqual(forceLayout(input));
  });

  it('lays out a graph with no links, which has no coarser copy, in full', () => {
    const nodes = Array.from({ length: 400 }, (_, i) => ({ id: `n${i}`, width: 60 + (i % 7) * 15, height: 30, partition: 2 }));
    const input: LayoutInput = { key: 'loose', nodes, edges: [] };
    expect(levelSizes(input)).toEqual([400]);
    const p = forceLayout(input);
    expect(overlappingNodes(input, p)).toEqual([]);
    const boxes = nodes.reduce((s, n) => s + n.width * n.height, 0);
    expect(boxes / (p.width * p.height)).toBeGreaterThan(0.1);
  });

  it('lays out a graph in separate pieces, single nodes and an empty graph', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, width: 60 + (i % 5) * 10, height: 30, partition: 2 }));
    const edges = Array.from({ length: 15 }, (_, i) => ({ id: `e${i}`, source: `n${2 * i}`, target: `n${2 * i + 1}` }));
    const input: LayoutInput = { key: 'pieces', nodes, edges };
    const p = forceLayout(input);
    expect(overlappingNodes(input, p)).toEqual([]);
    expect(Object.values(p.nodes).every((c) => Number.isFinite(c.x) && Number.isFinite(c.y))).toBe(true);
    // Pieces are kept together, not flung apart: the drawing is about as big as its boxes need.
    expect(p.width * p.height).toBeLessThan(40 * 100 * 30 * 30);
    expect(forceLayout({ key: 'empty', nodes: [], edges: [] })).toMatchObject({ nodes: {}, edges: {} });
  });

  it('pulls apart boxes piled on one spot, box by box, not circle by circle', () => {
    const pile = Array.from({ length: 60 }, (_, i) => ({ x: 0, y: 0, w: 40 + (i % 4) * 30, h: 24 }));
    const rounds = removeOverlaps(pile);
    expect(rounds).toBeLessThan(400);
    const input: LayoutInput = { key: 'pile', nodes: pile.map((b, i) => ({ id: String(i), width: b.w, height: b.h, partition: 0 })), edges: [] };
    const positions: Positions = { hash: '', nodes: Object.fromEntries(pile.map((b, i) => [String(i), { x: b.x, y: b.y }])), edges: {}, width: 0, height: 0 };
    expect(overlappingNodes(input, positions)).toEqual([]);
  });
});
