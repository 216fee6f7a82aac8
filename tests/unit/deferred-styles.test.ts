import cytoscape, { type Core, type SingularElementArgument } from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeferredStyles, SlicedLooks } from '../../src/graph-view/deferred-styles.ts';

function graph(n: number): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: Array.from({ length: n }, (_, i) => ({ data: { id: `n${i}` } })),
    style: [
      { selector: 'node', style: { opacity: 1 } },
      { selector: '.off', style: { opacity: 0.12 } },
    ],
  });
}

/** Cytoscape's own "a batch is open" flag (its renderer draws no frame meanwhile); not in its typings. */
const batching = (cy: Core) => (cy as unknown as { batching(): boolean }).batching();

/** Ids of the elements whose style DeferredStyles computed (it reads one property of each). */
function spyComputed(cy: Core) {
  const computed: string[] = [];
  const proto = Object.getPrototypeOf(cy.nodes()) as { numericStyle: (p: string) => unknown };
  const original = proto.numericStyle;
  vi.spyOn(proto, 'numericStyle').mockImplementation(function (this: SingularElementArgument, p: string) {
    computed.push(this.id());
    return original.call(this, p);
  });
  return computed;
}

const settle = (d: DeferredStyles) =>
  vi.waitFor(() => {
    if (d.pending) throw new Error('still computing');
  });

const addClass = (cy: Core, ids: string[], cls: string) => () =>
  ids.map((id) => cy.getElementById(id).addClass(cls) as unknown as SingularElementArgument);

afterEach(() => vi.restoreAllMocks());

describe('DeferredStyles', () => {
  it('applies a change in one batch and computes each changed style once, then lets Cytoscape draw', async () => {
    const cy = graph(50);
    const computed = spyComputed(cy);
    const d = new DeferredStyles(cy);
    const ids = ['n1', 'n2', 'n3'];
    d.restyle(addClass(cy, ids, 'off'));
    await settle(d);
    expect(computed.sort()).toEqual(ids);
    expect(batching(cy)).toBe(false);
    expect(cy.getElementById('n2').numericStyle('opacity')).toBeCloseTo(0.12);
    expect(cy.getElementById('n4').numericStyle('opacity')).toBe(1);
  });

  it('holds Cytoscape batching (no frame is drawn) until every slice is done', async () => {
    const cy = graph(200);
    const computed = spyComputed(cy);
    // A clock that jumps 5 ms per reading: each slice gets through one or two elements.
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
    const settled = vi.fn();
    const d = new DeferredStyles(cy, settled);
    d.restyle(addClass(cy, cy.nodes().map((n) => n.id()), 'off'));
    expect(d.pending).toBe(true);
    expect(batching(cy)).toBe(true);
    expect(computed.length).toBeLessThan(200);
    expect(settled).not.toHaveBeenCalled();
    await settle(d);
    expect(new Set(computed).size).toBe(200);
    expect(batching(cy)).toBe(false);
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('carries what is left over into the next restyle instead of leaving it to the frame', async () => {
    const cy = graph(100);
    const computed = spyComputed(cy);
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
    const settled = vi.fn();
    const d = new DeferredStyles(cy, settled);
    const first = cy.nodes().slice(0, 60).map((n) => n.id());
    const second = cy.nodes().slice(60).map((n) => n.id());
    d.restyle(addClass(cy, first, 'off'));
    d.restyle(addClass(cy, second, 'off'));
    // Still computing what the first left over: not settled yet.
    expect(settled).not.toHaveBeenCalled();
    await settle(d);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(new Set(computed)).toEqual(new Set([...first, ...second]));
    expect(batching(cy)).toBe(false);
  });

  it('release() ends the held batch at once; dispose() stops for good', async () => {
    const cy = graph(100);
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
    const d = new DeferredStyles(cy);
    d.restyle(addClass(cy, cy.nodes().map((n) => n.id()), 'off'));
    d.release();
    expect(batching(cy)).toBe(false);
    expect(d.pending).toBe(false);
    d.restyle(addClass(cy, ['n0'], 'x'));
    d.dispose();
    expect(batching(cy)).toBe(false);
    // What was not computed ahead is computed when read (as Cytoscape's frame would).
    expect(cy.getElementById('n99').numericStyle('opacity')).toBeCloseTo(0.12);
  });

  it('is disposed without error after Cytoscape was destroyed mid-restyle (unmount order)', async () => {
    // react-cytoscapejs destroys its Cytoscape on unmount before our effect cleanup disposes the restyler.
    const cy = graph(100);
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
    const settled = vi.fn();
    const d = new DeferredStyles(cy, settled);
    d.restyle(addClass(cy, cy.nodes().map((n) => n.id()), 'off'));
    expect(d.pending).toBe(true);
    cy.destroy();
    expect(() => d.dispose()).not.toThrow();
    expect(d.pending).toBe(false);
    // A slice already scheduled finds nothing to do, and nothing is reported afterwards.
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('stops slicing, without error, when Cytoscape is destroyed between two slices', async () => {
    const cy = graph(100);
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
    const d = new DeferredStyles(cy);
    d.restyle(addClass(cy, cy.nodes().map((n) => n.id()), 'off'));
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      cy.destroy();
      // The next slice finds Cytoscape destroyed and stops (waited for, not timed: under load it can take a while).
      await vi.waitFor(() => {
        if (d.pending) throw new Error('still slicing');
      });
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(errors).toEqual([]);
    expect(d.pending).toBe(false);
  });
});

describe('SlicedLooks', () => {
  const dirty = (cy: Core) => cy.elements().filter((e) => (e as unknown as { _private: { styleDirty: boolean } })._private.styleDirty).length;
  const looksOf = (cy: Core) => cy.nodes().map((n, i) => [n.id(), { width: 10 + i, 'background-color': '#123456' }] as const);

  it('applies every look in slices while Cytoscape is held (no frame), computes the styles, and keeps them when it lets go', async () => {
    const cy = graph(150);
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 3));
    let heldAtDone: boolean | undefined;
    const s = new SlicedLooks(cy, looksOf(cy), () => {
      heldAtDone = batching(cy);
    });
    expect(s.pending).toBe(true);
    expect(batching(cy)).toBe(true);
    await vi.waitFor(() => {
      if (s.pending) throw new Error('still slicing');
    });
    // Told while still held, so that a fit then shows in the first frame.
    expect(heldAtDone).toBe(true);
    expect(batching(cy)).toBe(false);
    expect(cy.getElementById('n7').numericStyle('width')).toBe(17);
    expect(cy.getElementById('n149').style('background-color')).toBe('rgb(18,52,86)');
    // Nothing left for the frame to compute: the styles computed in slices survived the end of the batch.
    expect(dirty(cy)).toBe(0);
  });

  it('computes in slices, before letting go, the elements its finish restyled (labels chosen for the fitted drawing); then says it is shown', async () => {
    const cy = graph(150);
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 3));
    const events: string[] = [];
    const s = new SlicedLooks(
      cy,
      looksOf(cy),
      () => {
        events.push(`done, held: ${batching(cy)}`);
        // Restyles 40 nodes, as the level of detail does with its classes.
        const some = cy.nodes().slice(0, 40);
        some.addClass('off');
        return some.toArray();
      },
      // Only the nodes are computed after the looks (as a move computes only its edges).
      () => cy.nodes().toArray(),
      () => events.push(`shown, held: ${batching(cy)}`),
    );
    await vi.waitFor(() => {
      if (s.pending) throw new Error('still slicing');
    });
    expect(events).toEqual(['done, held: true', 'shown, held: false']);
    // The restyled nodes' styles were computed ahead too: nothing is left for the frame.
    expect(dirty(cy)).toBe(0);
    expect(cy.getElementById('n3').numericStyle('opacity')).toBeCloseTo(0.12);
  });

  it('cancel() lets go at once, and a destroyed Cytoscape stops it without error', async () => {
    const cy = graph(150);
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 3));
    const done = vi.fn();
    const s = new SlicedLooks(cy, looksOf(cy), done);
    s.cancel();
    expect(batching(cy)).toBe(false);
    expect(s.pending).toBe(false);
    const cy2 = graph(150);
    const s2 = new SlicedLooks(cy2, looksOf(cy2), done);
    cy2.destroy();
    await vi.waitFor(() => {
      if (s2.pending) throw new Error('still slicing');
    });
    expect(done).not.toHaveBeenCalled();
  });
});
