/**
 * The small pure pieces of src/layout, each on its own: ELK's input/output mapping and options, the layout
 * hash, overlap, the time limit, layout file names and the drawing's box.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawingBox } from '../../src/layout/drawing-box.ts';
import { positionedBox } from '../../src/layout/measure.ts';
import { fromElkGraph, toElkGraph, type ElkGraphJson } from '../../src/layout/elk-graph.ts';
import { ELK_ROOT_OPTIONS, THOROUGH_UP_TO, thoroughness } from '../../src/layout/elk-options.ts';
import { layoutFileName } from '../../src/layout/layout-files.ts';
import { precomputedViews } from '../../src/layout/precomputed-views.ts';
import { shippedModel } from '../helpers/model.ts';
import { storedLayout } from '../helpers/stored-layout.ts';
import { loadPrecomputedLayout } from '../../src/data/layouts.ts';
import { overlappingNodes } from '../../src/layout/overlap.ts';
import { withTimeout } from '../../src/layout/timeout.ts';
import { DEFAULT_LAYOUT_TIMEOUT_MS, LAYOUT_VERSION, layoutHash, LayoutTimeoutError, type LayoutInput, type Positions } from '../../src/layout/types.ts';
import type { GraphView } from '../../src/model/view.ts';

const input = (over: Partial<LayoutInput> = {}): LayoutInput => ({
  key: 'k',
  nodes: [
    { id: 'a', width: 40, height: 20, partition: 0 },
    { id: 'b', width: 60, height: 30, partition: 2 },
  ],
  edges: [{ id: 'e1', source: 'a', target: 'b' }],
  ...over,
});

describe('ELK options', () => {
  it('are a left-to-right layered drawing in partitioned columns with one line per edge', () => {
    expect(ELK_ROOT_OPTIONS).toMatchObject({
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.separateConnectedComponents': 'false',
      'elk.layered.mergeEdges': 'false',
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
    });
  });

  it('crosses more thoroughly up to figure size only', () => {
    expect(THOROUGH_UP_TO).toBe(80);
    expect(thoroughness(1)).toBe('30');
    expect(thoroughness(80)).toBe('30');
    expect(thoroughness(81)).toBe('7');
    expect(thoroughness(600)).toBe('7');
  });
});

describe('ELK graph mapping', () => {
  it('gives ELK every node with its size and partition, every edge, and the options', () => {
    const g = toElkGraph(input({ options: { 'elk.spacing.nodeNode': '4' } }));
    expect(g.id).toBe('root');
    expect(g.layoutOptions).toEqual({ ...ELK_ROOT_OPTIONS, 'elk.layered.thoroughness': '30', 'elk.spacing.nodeNode': '4' });
    expect(g.children).toEqual([
      { id: 'a', width: 40, height: 20, layoutOptions: { 'elk.partitioning.partition': '0' } },
      { id: 'b', width: 60, height: 30, layoutOptions: { 'elk.partitioning.partition': '2' } },
    ]);
    expect(g.edges).toEqual([{ id: 'e1', sources: ['a'], targets: ['b'] }]);
  });

  it('lets a graph’s own options override the thoroughness', () => {
    expect(toElkGraph(input({ options: { 'elk.layered.thoroughness': '3' } })).layoutOptions['elk.layered.thoroughness']).toBe('3');
    const big = input({ nodes: Array.from({ length: 81 }, (_, i) => ({ id: `n${i}`, width: 1, height: 1, partition: 0 })), edges: [] });
    expect(toElkGraph(big).layoutOptions['elk.layered.thoroughness']).toBe('7');
  });

  it('reads back node centres, whole edge routes and the size, rounded to 0.1', () => {
    const result: ElkGraphJson = {
      id: 'root',
      layoutOptions: {},
      children: [
        { id: 'a', width: 40, height: 20, x: 10.04, y: 5.06 },
        { id: 'b', width: 60, height: 30 },
      ],
      edges: [
        { id: 'e1', sources: ['a'], targets: ['b'], sections: [{ startPoint: { x: 50.04, y: 15 }, bendPoints: [{ x: 60.16, y: 15.55 }], endPoint: { x: 90, y: 15.01 } }] },
        { id: 'e2', sources: ['a'], targets: ['b'], sections: [{ startPoint: { x: 1, y: 2 }, endPoint: { x: 3, y: 4 } }] },
        { id: 'e3', sources: ['a'], targets: ['b'] },
      ],
      width: 200.26,
      height: 99.94,
    };
    const p = fromElkGraph(input(), result);
    expect(p.nodes).toEqual({ a: { x: 30, y: 15.1 }, b: { x: 30, y: 15 } });
    expect(p.edges).toEqual({
      e1: [
        { x: 50, y: 15 },
        { x: 60.2, y: 15.6 },
        { x: 90, y: 15 },
      ],
      e2: [
        { x: 1, y: 2 },
        { x: 3, y: 4 },
      ],
      e3: [],
    });
    expect(p.width).toBe(200.3);
    expect(p.height).toBe(99.9);
    expect(p.hash).toBe(layoutHash(input()));
    expect('box' in p).toBe(false);
  });

  it('has size 0 without one, and carries the input’s box style on', () => {
    const box = { maxWidth: 100 } as unknown as NonNullable<LayoutInput['box']>;
    const p = fromElkGraph(input({ box }), { id: 'root', layoutOptions: {}, children: [], edges: [] });
    expect(p.width).toBe(0);
    expect(p.height).toBe(0);
    expect(p.box).toBe(box);
  });
});

describe('layout hash', () => {
  it('is eight hex digits, the same whatever the order of nodes, edges and options', () => {
    const h = layoutHash(input({ options: { x: '1', y: '2' } }));
    expect(h).toMatch(/^[0-9a-f]{8}$/);
    const shuffled = input({ options: { y: '2', x: '1' } });
    shuffled.nodes.reverse();
    expect(layoutHash(shuffled)).toBe(h);
    const twoEdges = input({ edges: [{ id: 'e1', source: 'a', target: 'b' }, { id: 'e2', source: 'b', target: 'a' }] });
    expect(layoutHash({ ...twoEdges, edges: [...twoEdges.edges].reverse() })).toBe(layoutHash(twoEdges));
  });

  it('changes with any size, partition, node, edge or option, but not with the key', () => {
    const h = layoutHash(input());
    const changed = [
      input({ nodes: [{ id: 'a', width: 41, height: 20, partition: 0 }, input().nodes[1]!] }),
      input({ nodes: [{ id: 'a', width: 40, height: 21, partition: 0 }, input().nodes[1]!] }),
      input({ nodes: [{ id: 'a', width: 40, height: 20, partition: 1 }, input().nodes[1]!] }),
      input({ nodes: [{ id: 'c', width: 40, height: 20, partition: 0 }, input().nodes[1]!] }),
      input({ edges: [{ id: 'e2', source: 'a', target: 'b' }] }),
      input({ edges: [] }),
      input({ options: { x: '1' } }),
      input({ options: {} }),
    ].map(layoutHash);
    for (const c of changed) expect(c).not.toBe(h);
    expect(new Set(changed).size).toBe(changed.length);
    expect(layoutHash(input({ options: { x: '1' } }))).not.toBe(layoutHash(input({ options: { x: '2' } })));
    expect(layoutHash(input({ options: { x: '1' } }))).not.toBe(layoutHash(input({ options: { y: '1' } })));
    expect(layoutHash(input({ key: 'other' }))).toBe(h);
    expect(LAYOUT_VERSION).toBeGreaterThan(0);
  });

  it('is FNV-1a of the canonical text (a hash computed elsewhere stays valid)', () => {
    // The same function written out here: the text is version | nodes | edges [| options].
    const fnv = (text: string) => {
      let x = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), 0x01000193) >>> 0;
      return x.toString(16).padStart(8, '0');
    };
    expect(layoutHash(input())).toBe(fnv(`${LAYOUT_VERSION}|a:40x20@0,b:60x30@2|e1`));
    expect(layoutHash(input({ options: { z: '1', y: '2' } }))).toBe(fnv(`${LAYOUT_VERSION}|a:40x20@0,b:60x30@2|e1|y=2,z=1`));
  });
});

describe('overlapping nodes', () => {
  const pos = (a: [number, number], b: [number, number]): Positions => ({ hash: '', nodes: { a: { x: a[0], y: a[1] }, b: { x: b[0], y: b[1] } }, edges: {}, width: 0, height: 0 });

  it('finds boxes that overlap, and not those that only touch or are apart', () => {
    // a is 40 × 20, b 60 × 30: centres 50 apart in x touch exactly.
    expect(overlappingNodes(input(), pos([0, 0], [50, 0]))).toEqual([]);
    expect(overlappingNodes(input(), pos([0, 0], [49.9, 0]))).toEqual([['a', 'b']]);
    expect(overlappingNodes(input(), pos([0, 0], [-49.9, 0]))).toEqual([['a', 'b']]);
    // 25 apart in y touch exactly.
    expect(overlappingNodes(input(), pos([0, 0], [0, 25]))).toEqual([]);
    expect(overlappingNodes(input(), pos([0, 0], [0, 24.9]))).toEqual([['a', 'b']]);
    expect(overlappingNodes(input(), pos([0, 0], [0, -24.9]))).toEqual([['a', 'b']]);
    // b exactly touching a on its left, or above it.
    expect(overlappingNodes(input(), pos([0, 0], [-50, 0]))).toEqual([]);
    expect(overlappingNodes(input(), pos([0, 0], [0, -25]))).toEqual([]);
    // Overlapping in x only or in y only is no overlap.
    expect(overlappingNodes(input(), pos([0, 0], [10, 100]))).toEqual([]);
    expect(overlappingNodes(input(), pos([0, 0], [100, 5]))).toEqual([]);
  });

  it('counts a gap between boxes as part of each box', () => {
    expect(overlappingNodes(input(), pos([0, 0], [55, 0]), 4)).toEqual([]);
    expect(overlappingNodes(input(), pos([0, 0], [53.9, 0]), 4)).toEqual([['a', 'b']]);
    expect(overlappingNodes(input(), pos([0, 0], [0, 28.9]), 4)).toEqual([['a', 'b']]);
    expect(overlappingNodes(input(), pos([0, 0], [0, 29]), 4)).toEqual([]);
  });

  it('checks every pair once', () => {
    const three = input({ nodes: [...input().nodes, { id: 'c', width: 10, height: 10, partition: 0 }] });
    const p: Positions = { hash: '', nodes: { a: { x: 0, y: 0 }, b: { x: 0, y: 0 }, c: { x: 0, y: 0 } }, edges: {}, width: 0, height: 0 };
    expect(overlappingNodes(three, p)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });
});

describe('layout time limit', () => {
  afterEach(() => vi.useRealTimers());

  it('passes the result on when in time, and stops the clock', async () => {
    vi.useFakeTimers();
    const onTimeout = vi.fn();
    const p = withTimeout(Promise.resolve(7), 100, 'fig1', onTimeout);
    await expect(p).resolves.toBe(7);
    await vi.advanceTimersByTimeAsync(200);
    expect(onTimeout).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with a timeout error naming the layout and the limit, and calls onTimeout', async () => {
    vi.useFakeTimers();
    const onTimeout = vi.fn();
    const p = withTimeout(new Promise<number>(() => {}), 20_000, 'fig1', onTimeout);
    const seen = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(onTimeout).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    const err = await seen;
    expect(err).toBeInstanceOf(LayoutTimeoutError);
    expect((err as Error).name).toBe('LayoutTimeoutError');
    expect((err as Error).message).toBe('Layout of "fig1" did not finish within 20 s');
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('passes a failure on as an Error, and stops the clock', async () => {
    vi.useFakeTimers();
    const onTimeout = vi.fn();
    const boom = new TypeError('boom');
    await expect(withTimeout(Promise.reject(boom), 100, 'k', onTimeout)).rejects.toBe(boom);
    await expect(withTimeout(Promise.reject('plain'), 100, 'k', onTimeout)).rejects.toThrow(new Error('plain'));
    expect(vi.getTimerCount()).toBe(0);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('rounds the limit to seconds in its message; the default limit is 20 s', () => {
    expect(new LayoutTimeoutError('atlas', 1499).message).toBe('Layout of "atlas" did not finish within 1 s');
    expect(DEFAULT_LAYOUT_TIMEOUT_MS).toBe(20_000);
  });
});

describe('layout file names', () => {
  it('makes one safe file name per view key', () => {
    expect(layoutFileName('figure:fig1')).toBe('figure-fig1.json');
    expect(layoutFileName('pair:source:a|source:b')).toBe('pair-source-a--source-b.json');
    expect(layoutFileName('a b/c..d_e')).toBe('a-b-c-d_e.json');
  });
});

describe('drawing box', () => {
  const entity = (id: string) => ({ id, label: `Label ${id}`, kind: 'gene-or-protein' as const });
  const view = (nodes: string[], edges: string[]) =>
    ({ nodes: nodes.map((id) => ({ id, entity: entity(id) })), edges: edges.map((id) => ({ id })) }) as unknown as GraphView;
  const size = (id: string, positions?: Positions) => positionedBox(positions, entity(id));

  it('covers the node boxes and the edge routes', () => {
    const positions: Positions = {
      hash: '',
      nodes: { a: { x: 100, y: 50 }, bb: { x: 300, y: 80 } },
      edges: { e: [{ x: 150, y: -40 }, { x: 420, y: 60 }] },
      width: 0,
      height: 0,
    };
    const a = size('a');
    const b = size('bb');
    expect(drawingBox(view(['a', 'bb', 'missing'], []), positions)).toEqual({ x1: 100 - a.width / 2, y1: 50 - a.height / 2, x2: 300 + b.width / 2, y2: 80 + b.height / 2 });
    expect(drawingBox(view(['a', 'bb'], ['e', 'none']), positions)).toEqual({ x1: 100 - a.width / 2, y1: -40, x2: 420, y2: 80 + b.height / 2 });
    // The other way round: the first node is the lower right one.
    expect(drawingBox(view(['bb', 'a'], []), positions)).toEqual({ x1: 100 - a.width / 2, y1: 50 - a.height / 2, x2: 300 + b.width / 2, y2: 80 + b.height / 2 });
  });

  it('sizes the nodes by the layout’s own box style', () => {
    const positions: Positions = { hash: '', nodes: { a: { x: 0, y: 0 } }, edges: {}, width: 0, height: 0, box: { wrap: 40, padX: 2 } };
    const a = size('a', positions);
    expect(a.width).not.toBe(size('a').width);
    expect(drawingBox(view(['a'], []), positions)).toEqual({ x1: -a.width / 2, y1: -a.height / 2, x2: a.width / 2, y2: a.height / 2 });
  });

  it('covers edges only, and is a unit box for an empty drawing', () => {
    const positions: Positions = { hash: '', nodes: {}, edges: { e: [{ x: -5, y: 3 }, { x: 7, y: 9 }], f: [{ x: 1, y: 1 }] }, width: 0, height: 0 };
    expect(drawingBox(view([], ['e']), positions)).toEqual({ x1: -5, y1: 3, x2: 7, y2: 9 });
    expect(drawingBox(view([], ['f', 'e']), positions)).toEqual({ x1: -5, y1: 1, x2: 7, y2: 9 });
    expect(drawingBox(view([], []), positions)).toEqual({ x1: 0, y1: 0, x2: 1, y2: 1 });
    expect(drawingBox(view(['gone'], []), positions)).toEqual({ x1: 0, y1: 0, x2: 1, y2: 1 });
  });
});

describe('views laid out ahead of time', () => {
  it('are every figure, in order, then the atlas', () => {
    const model = shippedModel();
    expect(precomputedViews(model).map((v) => v.key)).toEqual([...model.figures.map((f) => `figure:${f.id}`), 'atlas']);
  });

  it('are each stored where `npm run layouts` writes it (LAYOUTS_DIR), the file the app loads for the view', async () => {
    for (const view of precomputedViews(shippedModel())) expect(await loadPrecomputedLayout(view.key), view.key).toEqual(storedLayout(view.key));
  });
});
