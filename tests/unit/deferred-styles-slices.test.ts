/**
 * The slices of DeferredStyles and SlicedLooks one at a time: with a clock that moves a fixed step per reading,
 * and (where the timers path is under test) without MessageChannel, so that each slice is one timer to advance.
 */
import cytoscape, { type Core, type SingularElementArgument } from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeferredStyles, SLICE_MS, SlicedLooks } from '../../src/graph-view/deferred-styles.ts';
import { batching, starGraph } from '../helpers/star-graph.ts';

const graph = starGraph;

/** Ids whose style was computed (read through numericStyle), in order. */
function spyComputed() {
  const computed: string[] = [];
  const proto = Object.getPrototypeOf(cytoscape({ headless: true }).collection()) as { numericStyle: (p: string) => unknown };
  const original = proto.numericStyle;
  vi.spyOn(proto, 'numericStyle').mockImplementation(function (this: SingularElementArgument, p: string) {
    computed.push(this.id());
    return original.call(this, p);
  });
  return computed;
}

/** The ids of each collection whose bounding box was computed, in order. */
function spyBoxes() {
  const boxes: string[][] = [];
  const proto = Object.getPrototypeOf(cytoscape({ headless: true }).collection()) as { boundingBox: (o?: unknown) => unknown };
  const original = proto.boundingBox;
  vi.spyOn(proto, 'boundingBox').mockImplementation(function (this: cytoscape.Collection, o?: unknown) {
    boxes.push(this.map((e) => e.id()));
    return original.call(this, o);
  });
  return boxes;
}

/** A clock that moves `step` ms on each reading: with step SLICE_MS / 2, a slice does exactly one element. */
function clock(step = SLICE_MS / 2) {
  let t = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (t += step));
}

/**
 * Slices run on timers, one per setTimeout(0), as where MessageChannel is missing. The slices' timers are held
 * here and run one by one (next) or until none is left (all); other timers (a Cytoscape's animation loop) run as
 * usual, so they cannot be mistaken for a slice.
 */
function timersOnly() {
  vi.stubGlobal('MessageChannel', undefined);
  const held: (() => void)[] = [];
  const real = globalThis.setTimeout;
  vi.stubGlobal('setTimeout', (fn: () => void, ms?: number) => (String(fn).includes('step') ? held.push(fn) : real(fn, ms)));
  return {
    next: () => held.shift()?.(),
    all: () => {
      for (let n = 0; held.length && n < 10_000; n++) held.shift()!();
    },
  };
}

const done = (x: { pending: boolean }) =>
  vi.waitFor(() => {
    if (x.pending) throw new Error('still slicing');
  });

const addClass = (cy: Core, ids: string[], cls = 'off') => () => ids.map((id) => cy.getElementById(id).addClass(cls) as unknown as SingularElementArgument);

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('DeferredStyles, slice by slice', () => {
  it('computes as many styles per slice as fit in SLICE_MS, and no more', () => {
    const timers = timersOnly();
    const cy = graph(10);
    const computed = spyComputed();
    clock();
    const d = new DeferredStyles(cy);
    d.restyle(addClass(cy, ['n1', 'n2', 'n3']));
    // The first slice runs at once: one element in SLICE_MS with this clock.
    expect(computed).toEqual(['n1']);
    timers.next();
    expect(computed).toEqual(['n1', 'n2']);
    timers.next();
    expect(computed).toEqual(['n1', 'n2', 'n3']);
    expect(d.pending).toBe(false);
    expect(batching(cy)).toBe(false);
  });

  it('posts its slices through a MessageChannel where there is one (timers wait 4 ms when nested)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const cy = graph(10);
    clock();
    const d = new DeferredStyles(cy);
    d.restyle(addClass(cy, ['n1', 'n2', 'n3']));
    expect(d.pending).toBe(true);
    // No timer is advanced: the channel's messages run the slices.
    await done(d);
  });

  it('carries over only what is left, computing each style once', () => {
    const timers = timersOnly();
    const cy = graph(10);
    const computed = spyComputed();
    clock();
    const settled = vi.fn();
    const d = new DeferredStyles(cy, settled);
    d.restyle(addClass(cy, ['n1', 'n2', 'n3']));
    d.restyle(addClass(cy, ['n4']));
    timers.all();
    expect(computed).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('settles at once, without holding, when the change restyles nothing', () => {
    const cy = graph(3);
    const settled = vi.fn();
    const d = new DeferredStyles(cy, settled);
    d.restyle(() => []);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(d.pending).toBe(false);
    expect(batching(cy)).toBe(false);
  });

  it('release() and dispose() with nothing held report nothing', () => {
    const cy = graph(3);
    const settled = vi.fn();
    const d = new DeferredStyles(cy, settled);
    d.release();
    expect(settled).not.toHaveBeenCalled();
    expect(batching(cy)).toBe(false);
    d.dispose();
    expect(settled).not.toHaveBeenCalled();
  });

  it('a second release() reports nothing more', () => {
    timersOnly();
    const cy = graph(10);
    clock();
    const settled = vi.fn();
    const d = new DeferredStyles(cy, settled);
    d.restyle(addClass(cy, ['n1', 'n2', 'n3']));
    d.release();
    d.release();
    expect(settled).toHaveBeenCalledTimes(1);
    expect(batching(cy)).toBe(false);
  });

  it('computes nothing more once released (Cytoscape’s frame does the rest)', () => {
    const timers = timersOnly();
    const cy = graph(10);
    const computed = spyComputed();
    clock();
    const d = new DeferredStyles(cy);
    d.restyle(addClass(cy, ['n1', 'n2', 'n3']));
    d.release();
    timers.all();
    expect(computed).toEqual(['n1']);
  });

  it('computes nothing more once Cytoscape is destroyed', () => {
    const timers = timersOnly();
    const cy = graph(10);
    const computed = spyComputed();
    clock();
    const d = new DeferredStyles(cy);
    d.restyle(addClass(cy, ['n1', 'n2', 'n3']));
    cy.destroy();
    timers.all();
    expect(computed).toEqual(['n1']);
    expect(d.pending).toBe(false);
  });

  it('skips an element removed before its slice', () => {
    const timers = timersOnly();
    const cy = graph(10);
    const computed = spyComputed();
    clock();
    const d = new DeferredStyles(cy);
    d.restyle(addClass(cy, ['n1', 'n2', 'n3']));
    cy.getElementById('n2').remove();
    timers.all();
    expect(computed).toEqual(['n1', 'n3']);
  });

  it('works without MessageChannel', () => {
    const timers = timersOnly();
    const cy = graph(10);
    const d = new DeferredStyles(cy);
    d.restyle(addClass(cy, ['n1', 'n2']));
    timers.all();
    expect(d.pending).toBe(false);
    d.dispose();
  });
});

/** A canvas renderer's node texture caches, recording what is painted ahead. */
function fakeRenderer(cy: Core) {
  const painted: string[] = [];
  const cache = (name: string, size: { w: number; h: number }) => ({
    getBoundingBox: () => size,
    getElement: (ele: SingularElementArgument, bb: { w: number; h: number }, px: number) => painted.push(`${name}:${ele.id()}:${bb.w}x${bb.h}@${px}`),
  });
  // Headless Cytoscape's own renderer, given the canvas renderer's pixel ratio and caches.
  const renderer = (cy as unknown as { renderer(): Record<string, unknown> }).renderer();
  renderer.getPixelRatio = () => 2;
  renderer.data = { ...(renderer.data as object | undefined), eleTxrCache: cache('body', { w: 30, h: 20 }), lblTxrCache: cache('label', { w: 0, h: 10 }) };
  return painted;
}

describe('SlicedLooks, phase by phase', () => {
  const looks = (ids: string[]) => ids.map((id, i) => [id, { width: 10 + i }] as const);

  it('applies as many looks per slice as fit in SLICE_MS, on timers where there is no MessageChannel', () => {
    const timers = timersOnly();
    const cy = graph(4);
    clock();
    const onDone = vi.fn();
    const s = new SlicedLooks(cy, looks(['n0', 'n1', 'n2', 'n3']), onDone);
    const widths = () => cy.nodes().map((n) => n.style('width'));
    // Nothing until the first slice.
    expect(widths()).not.toContain('10px');
    timers.next();
    expect(widths().filter((w) => /^1\dpx$/.test(w))).toHaveLength(1);
    timers.next();
    expect(widths().filter((w) => /^1\dpx$/.test(w))).toHaveLength(2);
    timers.all();
    expect(widths()).toEqual(['10px', '11px', '12px', '13px']);
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(s.pending).toBe(false);
    expect(batching(cy)).toBe(false);
  });

  it('posts its slices through a MessageChannel where there is one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const cy = graph(4);
    const s = new SlicedLooks(cy, looks(['n0', 'n1']), () => {});
    await done(s);
  });

  it('skips a look for an element that is not there', async () => {
    const cy = graph(2);
    const s = new SlicedLooks(cy, looks(['gone', 'n1']), () => {});
    await done(s);
    expect(cy.getElementById('n1').style('width')).toBe('11px');
  });

  it('computes the style of every node, then every edge, once, when no scope is given', async () => {
    const cy = graph(4, 3);
    const computed = spyComputed();
    const s = new SlicedLooks(cy, [], () => {});
    await done(s);
    expect(computed).toEqual(['n0', 'n1', 'n2', 'n3', 'e0', 'e1', 'e2']);
  });

  it('computes the sizes of what it computed the styles of, 8 elements at a time, nodes first', async () => {
    const cy = graph(10, 9);
    const boxes = spyBoxes();
    const s = new SlicedLooks(cy, [], () => {});
    await done(s);
    const all = [...cy.nodes().map((n) => n.id()), ...cy.edges().map((e) => e.id())];
    expect(boxes).toEqual([all.slice(0, 8), all.slice(8, 16), all.slice(16)]);
  });

  it('computes only the scope it is given, skipping elements removed meanwhile', async () => {
    const timers = timersOnly();
    const cy = graph(12);
    const computed = spyComputed();
    const boxes = spyBoxes();
    const scope = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10'].map((id) => cy.getElementById(id) as unknown as SingularElementArgument);
    const s = new SlicedLooks(cy, looks(['n0']), () => {}, () => scope);
    // Each of the first 8 is removed before its style or size is computed.
    for (const id of ['n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9']) cy.getElementById(id).remove();
    timers.all();
    expect(s.pending).toBe(false);
    expect(computed).toEqual(['n1', 'n10']);
    // The second slice of 8 holds only removed elements: no size is computed for it.
    expect(boxes).toEqual([['n1'], ['n10']]);
  });

  it('stops on cancel: no more looks, no onDone, even with a timer still to come', () => {
    const timers = timersOnly();
    const cy = graph(4);
    clock();
    const onDone = vi.fn();
    const s = new SlicedLooks(cy, looks(['n0', 'n1', 'n2', 'n3']), onDone);
    timers.next();
    s.cancel();
    expect(batching(cy)).toBe(false);
    timers.all();
    expect(cy.nodes().map((n) => n.style('width')).filter((w) => /^1\dpx$/.test(w))).toHaveLength(1);
    expect(onDone).not.toHaveBeenCalled();
    // A second cancel changes nothing.
    s.cancel();
    expect(s.pending).toBe(false);
  });

  it('paints the textures of the nodes in view ahead, last, then lets go and says it is shown', async () => {
    const cy = graph(3, 2);
    // n0 and n1 at the origin, in view; n2 far outside it.
    cy.getElementById('n2').position({ x: 5000, y: 5000 });
    const painted = fakeRenderer(cy);
    const events: string[] = [];
    const s = new SlicedLooks(
      cy,
      [],
      () => {
        events.push(`done, painted ${painted.length}`);
      },
      undefined,
      () => events.push(`shown, held: ${batching(cy)}, painted ${painted.length}`),
    );
    await done(s);
    // Bodies only: the label cache has no size for these label-less nodes.
    expect([...painted].sort()).toEqual(['body:n0:30x20@2', 'body:n1:30x20@2']);
    expect(events).toEqual(['done, painted 0', 'shown, held: false, painted 2']);
  });

  it('goes straight on to the textures when its finish restyles nothing', async () => {
    const cy = graph(3);
    const painted = fakeRenderer(cy);
    const computed = spyComputed();
    const s = new SlicedLooks(cy, [], () => []);
    await done(s);
    expect(computed).toEqual(['n0', 'n1', 'n2']);
    expect(painted).toHaveLength(3);
  });
});

describe('SlicedLooks with a turn to be shown (draw-turns.ts)', () => {
  it('computes everything, then holds its batch until its turn comes; shown then, and only then', () => {
    const timers = timersOnly();
    const cy = graph(3, 2);
    const events: string[] = [];
    let show: (() => void) | null = null;
    const s = new SlicedLooks(
      cy,
      [['n0', { width: 15 }]],
      () => void events.push('done'),
      undefined,
      () => events.push(`shown, held: ${batching(cy)}`),
      (go) => {
        events.push(`turn asked, held: ${batching(cy)}`);
        show = go;
      },
    );
    timers.all();
    // All computed (the look in, onDone run), the batch still held: the previous picture stays.
    expect(events).toEqual(['done', 'turn asked, held: true']);
    expect(cy.getElementById('n0').style('width')).toBe('15px');
    expect(s.pending).toBe(true);
    expect(batching(cy)).toBe(true);
    show!();
    expect(events).toEqual(['done', 'turn asked, held: true', 'shown, held: false']);
    expect(s.pending).toBe(false);
    expect(batching(cy)).toBe(false);
    // A second call changes nothing.
    show!();
    expect(events).toHaveLength(3);
  });

  it('cancelled while it waits for its turn: lets go at once, and its turn, when it comes, shows nothing', () => {
    const timers = timersOnly();
    const cy = graph(2);
    const onShown = vi.fn();
    let show: (() => void) | null = null;
    const s = new SlicedLooks(cy, [], () => {}, undefined, onShown, (go) => (show = go));
    timers.all();
    expect(batching(cy)).toBe(true);
    s.cancel();
    expect(batching(cy)).toBe(false);
    expect(s.pending).toBe(false);
    show!();
    expect(onShown).not.toHaveBeenCalled();
    expect(batching(cy)).toBe(false);
  });
});
