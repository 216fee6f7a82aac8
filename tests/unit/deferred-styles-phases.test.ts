/**
 * The phases of DeferredStyles and SlicedLooks that need the canvas renderer (graph-view/deferred-styles.ts), with
 * that renderer's parts stood in for: the sizes measured ahead (rendered-sizes.ts), the node textures and the layered
 * cache's bitmaps (texture-warm.ts), and the paused drawing (big-drawing.ts). Each stand-in records what it was asked,
 * so that the order of the phases, and what each one hands the next, can be checked. Slices run on timers, one by
 * one; the clock stands still, so that a slice ends only where a phase ends it.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batching, starGraph } from '../helpers/star-graph.ts';

const fake = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    /** What connected() answers, in turn (then null). */
    connected: [] as { nodes: string[]; measure: string[] }[],
    keeps: true,
    /** What startLayers answers; what fillLayers answers, in turn (then true). */
    layers: null as object | null,
    fills: [] as boolean[],
    cy: null as Core | null,
    /** How many nodes are in view, to warm. */
    inView: 2,
  };
  const ids = (list: { id(): string }[]) => list.map((e) => e.id()).join(',');
  return {
    state,
    keepsRenderedSizes: () => state.keeps,
    RenderedSizes: class {
      measure(list: { id(): string }[]) {
        state.log.push(`measure ${ids(list)}`);
      }
      settle(nodes: { id(): string }[]) {
        state.log.push(`settle ${ids(nodes)}`);
      }
      connected() {
        state.log.push('connected?');
        const next = state.connected.shift();
        return next ? { nodes: next.nodes.map((id) => state.cy!.getElementById(id)), measure: next.measure.map((id) => state.cy!.getElementById(id)) } : null;
      }
    },
    computeFrameAhead: (_cy: unknown, order?: boolean) => state.log.push(`frame ahead${order ? ', in order' : ''}`),
    nodesToWarm: (cy: Core) => {
      state.log.push('nodes to warm');
      return cy.nodes().toArray().slice(0, state.inView);
    },
    warmTexture: (_cy: unknown, ele: { id(): string }, painted: Set<unknown>) => {
      state.log.push(`warm ${ele.id()}`);
      painted.add(`canvas of ${ele.id()}`);
    },
    rasterise: (painted: Set<unknown>) => state.log.push(`rasterise ${[...painted].join(',')}`),
    startLayers: () => {
      state.log.push('start layers');
      return state.layers;
    },
    fillLayers: (_cy: unknown, fill: unknown, until: number) => {
      const done = state.fills.shift() ?? true;
      state.log.push(`fill layers${fill === state.layers ? '' : ' (another fill)'} until ${until}: ${done ? 'complete' : 'more'}`);
      return done;
    },
    pauseDrawing: () => {
      state.log.push('pause drawing');
      return () => state.log.push('resume drawing');
    },
  };
});

vi.mock('../../src/graph-view/rendered-sizes.ts', () => ({ keepsRenderedSizes: fake.keepsRenderedSizes, RenderedSizes: fake.RenderedSizes, computeFrameAhead: fake.computeFrameAhead }));
vi.mock('../../src/graph-view/texture-warm.ts', () => ({
  nodesToWarm: fake.nodesToWarm,
  warmTexture: fake.warmTexture,
  rasterise: fake.rasterise,
  startLayers: fake.startLayers,
  fillLayers: fake.fillLayers,
}));
vi.mock('../../src/graph-view/big-drawing.ts', () => ({ pauseDrawing: fake.pauseDrawing }));

const { DeferredStyles, LAYERED_FROM, SLICE_MS, SlicedLooks } = await import('../../src/graph-view/deferred-styles.ts');

const log = fake.state.log;

/** The restyle tests' small graph (n nodes, edges from n0), which the stand-in for connected() looks ids up in. */
function graph(n: number, edges = 0): Core {
  const cy = starGraph(n, edges);
  fake.state.cy = cy;
  return cy;
}

/** Slices on timers (no MessageChannel), held and run one by one; a clock that stands still. */
function slices() {
  vi.stubGlobal('MessageChannel', undefined);
  const held: (() => void)[] = [];
  const real = globalThis.setTimeout;
  vi.stubGlobal('setTimeout', (fn: () => void, ms?: number) => (String(fn).includes('step') ? held.push(fn) : real(fn, ms)));
  vi.spyOn(performance, 'now').mockReturnValue(100);
  return {
    next: () => held.shift()?.(),
    get waiting() {
      return held.length;
    },
  };
}

beforeEach(() => {
  Object.assign(fake.state, { connected: [], keeps: true, layers: null, fills: [], cy: null, inView: 2 });
  log.length = 0;
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('DeferredStyles where the renderer keeps sizes', () => {
  it('after the styles, measures the changed elements 8 at a time, nodes first, then the edges of changed nodes, and settles them', () => {
    const run = slices();
    const cy = graph(10, 9);
    // Changed: an edge, then nine nodes, then another edge: measured as nine nodes, then the two edges.
    const changed = ['e0', ...Array.from({ length: 9 }, (_, i) => `n${i}`), 'e5'];
    fake.state.connected = [{ nodes: ['n0', 'n1'], measure: ['e0', 'e1', 'e2'] }];
    const settled = vi.fn();
    const d = new DeferredStyles(cy, settled);
    d.restyle(() => changed.map((id) => cy.getElementById(id).addClass('off') as unknown as SingularElementArgument));
    expect(log).toEqual(['measure n0,n1,n2,n3,n4,n5,n6,n7', 'measure n8,e0,e5', 'connected?', 'measure e0,e1,e2', 'settle n0,n1']);
    expect(d.pending).toBe(false);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(run.waiting).toBe(0);
  });

  it('measures nothing more when no edge is left to measure', () => {
    slices();
    const cy = graph(3);
    const d = new DeferredStyles(cy);
    d.restyle(() => [cy.getElementById('n1').addClass('off') as unknown as SingularElementArgument]);
    expect(log).toEqual(['measure n1', 'connected?']);
    expect(d.pending).toBe(false);
  });

  it('computes no sizes where the renderer keeps none (a headless Cytoscape)', () => {
    slices();
    fake.state.keeps = false;
    const cy = graph(3);
    const d = new DeferredStyles(cy);
    d.restyle(() => [cy.getElementById('n1').addClass('off') as unknown as SingularElementArgument]);
    expect(log).toEqual([]);
    expect(d.pending).toBe(false);
  });

  it('carried over by a new restyle mid-measure, starts again from the styles of what is left', () => {
    const run = slices();
    // A clock that moves a whole slice per reading: one element, or one group of 8, per slice.
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += SLICE_MS / 2));
    const cy = graph(20);
    const d = new DeferredStyles(cy);
    const restyled: string[] = [];
    const proto = Object.getPrototypeOf(cy.collection()) as { numericStyle: (p: string) => unknown };
    const original = proto.numericStyle;
    vi.spyOn(proto, 'numericStyle').mockImplementation(function (this: SingularElementArgument, p: string) {
      restyled.push(this.id());
      return original.call(this, p);
    });
    const ids = Array.from({ length: 18 }, (_, i) => `n${i}`);
    d.restyle(() => ids.map((id) => cy.getElementById(id).addClass('off') as unknown as SingularElementArgument));
    // 18 styles, one per slice; then the sizes: the first 8.
    for (let i = 0; i < 18; i++) run.next();
    expect(restyled).toEqual(ids);
    expect(log).toEqual(['measure n0,n1,n2,n3,n4,n5,n6,n7']);
    d.restyle(() => [cy.getElementById('n19').addClass('off') as unknown as SingularElementArgument]);
    // What was left of the sizes (n8…n17) and the new change are styled again, then measured.
    while (run.waiting) run.next();
    expect(restyled.slice(18)).toEqual([...ids.slice(8), 'n19']);
    expect(log.slice(1)).toEqual(['measure n8,n9,n10,n11,n12,n13,n14,n15', 'measure n16,n17,n19', 'connected?']);
  });
});

describe('SlicedLooks where the renderer keeps sizes and textures', () => {
  it('computes the sizes, the edges of changed nodes, the frame ahead, then paints the textures in view and shows the drawing', () => {
    const run = slices();
    const cy = graph(3, 2);
    fake.state.connected = [{ nodes: ['n0'], measure: ['e0', 'e1'] }];
    const shown = vi.fn();
    const s = new SlicedLooks(cy, [], () => void log.push('done'), undefined, shown);
    run.next();
    expect(log).toEqual([
      'measure n0,n1,n2,e0,e1',
      'done',
      'connected?',
      'measure e0,e1',
      'settle n0',
      'frame ahead',
      'nodes to warm',
      'warm n0',
      'warm n1',
      'rasterise canvas of n0,canvas of n1',
      'frame ahead, in order',
    ]);
    expect(shown).toHaveBeenCalledTimes(1);
    expect(s.pending).toBe(false);
    expect(batching(cy)).toBe(false);
  });

  it('measures a drawing of exactly 8 elements in one call, and never an empty one (each call counts as a measure)', () => {
    const run = slices();
    const cy = graph(8);
    fake.state.connected = [{ nodes: ['n0'], measure: Array.from({ length: 8 }, (_, i) => `n${i}`) }];
    new SlicedLooks(cy, [], () => {});
    run.next();
    expect(log.filter((l) => l.startsWith('measure'))).toEqual(['measure n0,n1,n2,n3,n4,n5,n6,n7', 'measure n0,n1,n2,n3,n4,n5,n6,n7']);
  });

  it('asks which edges are left only once, after the sizes', () => {
    const run = slices();
    const cy = graph(2, 1);
    fake.state.connected = [{ nodes: ['n0'], measure: ['e0'] }, { nodes: ['n1'], measure: ['e0'] }];
    new SlicedLooks(cy, [], () => {});
    run.next();
    expect(log.filter((l) => l === 'connected?')).toHaveLength(1);
    expect(log).not.toContain('settle n1');
  });

  it('has the browser paint nothing when no texture was painted', () => {
    const run = slices();
    const cy = graph(2);
    // No node in view to warm.
    fake.state.inView = 0;
    new SlicedLooks(cy, [], () => {});
    run.next();
    expect(log.filter((l) => l.startsWith('rasterise'))).toEqual([]);
    expect(log.at(-1)).toBe('frame ahead, in order');
  });
});

describe('SlicedLooks of a big drawing, painted into the layered cache before it is shown', () => {
  /** A drawing of `n` nodes, made with `layered`, its slices run until none is left; what it logged from the frame ahead on. */
  function big(n: number, layered: boolean | undefined, fills: boolean[] = [], layers: object | null = { level: 1 }) {
    log.length = 0;
    const run = slices();
    const cy = graph(n);
    fake.state.layers = layers;
    fake.state.fills = fills;
    const shown = vi.fn();
    const s = layered === undefined ? new SlicedLooks(cy, [], () => {}, undefined, shown) : new SlicedLooks(cy, [], () => {}, undefined, shown, undefined, layered);
    const steps: string[][] = [];
    while (run.waiting) {
      const from = log.length;
      run.next();
      steps.push(log.slice(from));
    }
    return { cy, s, shown, steps, after: log.slice(log.indexOf('frame ahead, in order')) };
  }

  it('from LAYERED_FROM elements on: pauses drawing, fills the layers slice by slice until complete, then resumes and is shown', () => {
    expect(LAYERED_FROM).toBe(300);
    const { cy, s, shown, steps, after } = big(300, true, [false, false]);
    expect(after).toEqual([
      'frame ahead, in order',
      'start layers',
      'pause drawing',
      // Each slice until SLICE_MS after it started (the clock stands at 100).
      `fill layers until ${100 + SLICE_MS}: more`,
      `fill layers until ${100 + SLICE_MS}: more`,
      `fill layers until ${100 + SLICE_MS}: complete`,
      'resume drawing',
    ]);
    // One slice per fill.
    expect(steps.slice(-3).map((step) => step.filter((l) => l.startsWith('fill')).length)).toEqual([1, 1, 1]);
    expect(shown).toHaveBeenCalledTimes(1);
    expect(s.pending).toBe(false);
    // The batch was let go before the layers were filled: the layers are painted from the computed drawing.
    expect(batching(cy)).toBe(false);
  });

  it('says it is pending, and not shown, while the layers are filled', () => {
    const run = slices();
    const cy = graph(300);
    fake.state.layers = { level: 1 };
    fake.state.fills = [false];
    const shown = vi.fn();
    const s = new SlicedLooks(cy, [], () => {}, undefined, shown, undefined, true);
    run.next();
    expect(log.at(-1)).toBe('pause drawing');
    expect(s.pending).toBe(true);
    expect(shown).not.toHaveBeenCalled();
    run.next();
    expect(s.pending).toBe(true);
    run.next();
    expect(s.pending).toBe(false);
    expect(shown).toHaveBeenCalledTimes(1);
  });

  it('is shown at once below LAYERED_FROM elements, when not asked to, by default, or where the cache cannot be filled', () => {
    expect(big(299, true).after).toEqual(['frame ahead, in order']);
    expect(big(300, false).after).toEqual(['frame ahead, in order']);
    expect(big(300, undefined).after).toEqual(['frame ahead, in order']);
    const noCache = big(300, true, [], null);
    expect(noCache.after).toEqual(['frame ahead, in order', 'start layers']);
    expect(noCache.shown).toHaveBeenCalledTimes(1);
    expect(noCache.s.pending).toBe(false);
  });

  it('cancelled while it fills the layers: resumes drawing at once, fills no more, and is not shown', () => {
    const run = slices();
    const cy = graph(300);
    fake.state.layers = { level: 1 };
    fake.state.fills = [false, false, false];
    const shown = vi.fn();
    const s = new SlicedLooks(cy, [], () => {}, undefined, shown, undefined, true);
    run.next();
    run.next();
    s.cancel();
    expect(log.slice(-2)).toEqual([`fill layers until ${100 + SLICE_MS}: more`, 'resume drawing']);
    while (run.waiting) run.next();
    expect(log.filter((l) => l.startsWith('fill'))).toHaveLength(1);
    expect(log.filter((l) => l === 'resume drawing')).toHaveLength(1);
    expect(shown).not.toHaveBeenCalled();
  });

  it('with a turn to be shown: a second call of its turn while the layers are filled starts nothing again', () => {
    const run = slices();
    const cy = graph(300);
    fake.state.layers = { level: 1 };
    fake.state.fills = [false];
    let show: (() => void) | null = null;
    const shown = vi.fn();
    new SlicedLooks(cy, [], () => {}, undefined, shown, (s) => (show = s), true);
    run.next();
    expect(log).not.toContain('start layers');
    show!();
    expect(log.slice(-3)).toEqual(['frame ahead, in order', 'start layers', 'pause drawing']);
    show!();
    expect(log.filter((l) => l === 'frame ahead, in order')).toHaveLength(1);
    expect(log.filter((l) => l === 'start layers')).toHaveLength(1);
    while (run.waiting) run.next();
    expect(shown).toHaveBeenCalledTimes(1);
    // Shown: a late call of its turn changes nothing.
    show!();
    expect(log.filter((l) => l === 'frame ahead, in order')).toHaveLength(1);
    expect(shown).toHaveBeenCalledTimes(1);
  });
});
