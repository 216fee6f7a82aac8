/**
 * The atlas's search for the zoom its label room is kept for (layout/difference-layout.ts), step by step: which sets
 * of labels it tries in turn (roomTiers), and the zooms it lays the grid out for (searchRoomZoom), on stand-in
 * functions whose roots are known, so that every step can be worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { roomTiers, searchRoomZoom, searchTiers } from '../../src/layout/difference-layout.ts';

/** A search on stand-ins: `estimate` and `fits` give the zoom a layout with room for z fits at. */
function run(estimate: (z: number) => number, fits: (z: number) => number, last = false, start = 1) {
  const calls: string[] = [];
  const found = searchRoomZoom(
    start,
    (z) => {
      calls.push(`estimate ${z.toFixed(6)}`);
      return estimate(z);
    },
    (z) => {
      calls.push(`lay ${z.toFixed(6)}`);
      return { made: `layout for ${z.toFixed(6)}`, fits: fits(z) };
    },
    last,
  );
  return { calls, found };
}

describe('the search for the zoom label room is kept for', () => {
  it('keeps the first zoom when its estimate and its layout fit it, to within 0.1%', () => {
    const justFits = (z: number) => z * 0.999;
    expect(run(justFits, justFits)).toEqual({ calls: ['estimate 1.000000', 'lay 1.000000'], found: { made: 'layout for 1.000000', zoom: 1, fits: true } });
    // The estimate a hair short: no layout is made for that zoom; the next is 3% below it (0.999 × 0.97).
    const short = (z: number) => z * 0.999 - 1e-9;
    expect(run(short, justFits).calls.slice(0, 2)).toEqual(['estimate 1.000000', 'estimate 0.969030']);
    // The layout a hair short of the estimate's promise: the search goes on from the layout's own measure.
    expect(run(justFits, short).calls.slice(0, 3)).toEqual(['estimate 1.000000', 'lay 1.000000', 'lay 0.969030']);
  });

  it('steps down by estimates alone, 3% below what the first fits, then by secant steps, and lays out only the zoom that fits', () => {
    // fits(z) = 0.3 + z / 2: fits(z) - z has its root at 0.6, slope -1/2.
    const f = (z: number) => 0.3 + z / 2;
    // 1 fits at 0.8 → next 0.8 × 0.97 = 0.776, which fits at 0.688; secant through (1, -0.2) and (0.776, -0.088): slope
    // -0.5, root 0.776 - 0.176 = 0.6, aimed 1% below: 0.594 (not above 0.688 × 0.97, not below 0.688 × 0.8). 0.594 fits
    // at 0.597: laid out, and kept.
    const { calls, found } = run(f, f);
    expect(calls).toEqual(['estimate 1.000000', 'estimate 0.776000', 'estimate 0.594000', 'lay 0.594000']);
    expect(found!.zoom).toBeCloseTo(0.594, 12);
    expect(found!.fits).toBe(true);
    expect(found!.made).toBe('layout for 0.594000');
  });

  it('once a layout turns out larger than its estimate, goes on by layouts alone, not measuring a slope across the two', () => {
    // The estimate always promises a fit; the layouts fit at 0.3 + z / 2.
    const f = (z: number) => 0.3 + z / 2;
    // 1 → lay, fits at 0.8: next 0.776 (no slope from an estimate to a layout); 0.776 → lay, 0.688: next 0.688 × 0.97
    // = 0.66736 (one layout measured: no slope yet); 0.66736 → lay, 0.63368: secant through (0.776, -0.088) and
    // (0.66736, -0.03368), slope -0.5, root 0.6, aimed at 0.594; 0.594 → lay, fits at 0.597: kept.
    const { calls, found } = run((z) => z, f);
    expect(calls).toEqual(['estimate 1.000000', 'lay 1.000000', 'lay 0.776000', 'lay 0.667360', 'lay 0.594000']);
    expect(found!.zoom).toBeCloseTo(0.594, 12);
    expect(found!.made).toBe('layout for 0.594000');
  });

  it('steps at most a fifth below the zoom a layout fits at, when a flat slope aims lower', () => {
    // fits(z) = 0.05 + 0.9 z: root 0.5, slope of fits(z) - z only -0.1, so every secant aims at 0.5 × 0.99 = 0.495.
    const f = (z: number) => 0.05 + 0.9 * z;
    // 1 fits at 0.95 → 0.9215 (3% below); 0.9215 fits at 0.87935: aimed 0.495, held at 0.87935 × 0.8 = 0.70348;
    // 0.70348 fits at 0.683132: held at 0.5465056; 0.5465056 fits at 0.54185504, whose fifth below (0.43348) is under
    // 0.495: 0.495, which fits at 0.4955.
    const { calls, found } = run(f, f);
    expect(calls).toEqual(['estimate 1.000000', 'estimate 0.921500', 'estimate 0.703480', 'estimate 0.546506', 'estimate 0.495000', 'lay 0.495000']);
    expect(found!.zoom).toBeCloseTo(0.495, 12);
  });

  it('stops when less zoom brings the layout no closer to fitting, and gives the last layout it made', () => {
    // Every layout fits at 0.02 below its zoom: fits(z) - z is flat (slope 0), so room for these labels never fits.
    const f = (z: number) => z - 0.02;
    const { calls, found } = run((z) => z, f);
    // 1 → 0.98: next 0.9506; 0.9506 → 0.9306 (first slope-able measure); 0.9026... → slope 0: stop.
    expect(calls).toEqual(['estimate 1.000000', 'lay 1.000000', 'lay 0.950600', 'lay 0.902682']);
    expect(found).toEqual({ made: 'layout for 0.902682', zoom: expect.closeTo(0.9306 * 0.97, 12), fits: false });
    // Without a layout made, nothing to give.
    expect(run(f, f)).toEqual({ calls: ['estimate 1.000000', 'estimate 0.950600'], found: null });
  });

  it('for the last set of labels, starts its secant afresh after a flat slope, for eight layouts in all', () => {
    const f = (z: number) => z - 0.02;
    const { calls, found } = run((z) => z, f, true);
    // After each flat slope the next measure starts a new secant: 3% steps all the way.
    const zooms = [1];
    for (let i = 1; i < 8; i++) zooms.push((zooms[i - 1]! - 0.02) * 0.97);
    expect(calls).toEqual(['estimate 1.000000', ...zooms.map((z) => `lay ${z.toFixed(6)}`)]);
    expect(found).toEqual({ made: `layout for ${zooms[7]!.toFixed(6)}`, zoom: expect.closeTo(zooms[7]!, 12), fits: false });
    // Estimates count as rounds too: eight estimates that never promise a fit, and no layout.
    const estimates = run(f, f, true);
    expect(estimates.calls).toHaveLength(8);
    expect(estimates.calls.every((c) => c.startsWith('estimate'))).toBe(true);
    expect(estimates.found).toBeNull();
  });

  it('for the last set of labels, still takes secant steps where the slope is right', () => {
    const f = (z: number) => 0.3 + z / 2;
    expect(run((z) => z, f, true).calls).toEqual(['estimate 1.000000', 'lay 1.000000', 'lay 0.776000', 'lay 0.667360', 'lay 0.594000']);
  });

  it('starts from the zoom it is given', () => {
    const f = (z: number) => 0.3 + z / 2;
    expect(run(f, f, false, 2).calls[0]).toBe('estimate 2.000000');
    // 2 fits at 1.3: next 1.261.
    expect(run(f, f, false, 2).calls[1]).toBe('estimate 1.261000');
  });
});

describe('the sets of labels room is looked for, in turn', () => {
  const ids = (n: number, prefix = 'e') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

  it('is the labels wanted alone when they are the priority', () => {
    const wanted = new Set(ids(5));
    const tiers = roomTiers({ wanted, priority: new Set(ids(5)) }, new Map());
    expect(tiers).toHaveLength(1);
    expect(tiers[0]).toBe(wanted);
  });

  it('tries every wanted label, then the priority with the best connected others up to 92% of the wanted, then the priority alone', () => {
    // 20 wanted, 4 of them the priority: 92% of 20 is 18.4, so 19 labels: the priority and 15 of the 16 others.
    const wanted = new Set(ids(20));
    const priority = new Set(['e00', 'e01', 'e02', 'e03']);
    // Relations: e19 most, then e04…e17 one each but e10 (two), e18 none listed (counts as none).
    const deg = new Map<string, number>([['e19', 5], ['e10', 2], ...ids(20).slice(4, 18).filter((id) => id !== 'e10').map((id) => [id, 1] as [string, number]), ['e00', 9]]);
    const tiers = roomTiers({ wanted, priority }, deg);
    expect(tiers).toHaveLength(3);
    expect(tiers[0]).toBe(wanted);
    // Most relations first, ties by id; e18 (none) is the one left out.
    expect([...tiers[1]!]).toEqual(['e00', 'e01', 'e02', 'e03', 'e19', 'e10', 'e04', 'e05', 'e06', 'e07', 'e08', 'e09', 'e11', 'e12', 'e13', 'e14', 'e15', 'e16', 'e17']);
    expect(tiers[2]).toBe(priority);
  });

  it('leaves out the middle set when 92% adds all the others or none of them', () => {
    // 10 wanted, no priority: 92% is 9.2, so 10: all the others; the middle set would be the wanted again.
    const none = new Set<string>();
    expect(roomTiers({ wanted: new Set(ids(10)), priority: none }, new Map())).toEqual([new Set(ids(10)), none]);
    // 13 wanted, 12 of them the priority: 92% is 11.96, so 12: no other.
    const twelve = new Set(ids(12));
    const tiers = roomTiers({ wanted: new Set(ids(13)), priority: twelve }, new Map());
    expect(tiers).toHaveLength(2);
    expect(tiers[1]).toBe(twelve);
    // 25 wanted, 4 priority: 23 in the middle set (92% of 25 is exactly 23).
    expect(roomTiers({ wanted: new Set(ids(25)), priority: new Set(ids(4)) }, new Map())[1]!.size).toBe(23);
    // 14 wanted, 12 priority: 92% is 12.88, so 13: one other, the first by id.
    expect([...roomTiers({ wanted: new Set(ids(14)), priority: twelve }, new Map())[1]!]).toEqual(ids(13));
  });
});

describe('the search over the sets of labels', () => {
  const sets = [new Set(['a', 'b', 'c']), new Set<string>(), new Set(['a', 'b']), new Set(['a'])];
  /** A search that answers per set size, recording each call. */
  function over(answers: Record<number, { zoom: number; fits: boolean } | null>) {
    const calls: string[] = [];
    const found = searchTiers(sets, (keep, last) => {
      calls.push(`${keep.size}${last ? ' last' : ''}`);
      const a = answers[keep.size] ?? null;
      return a && { made: `room for ${keep.size}`, ...a };
    });
    return { calls, found };
  }

  it('searches each set in turn, skipping an empty one, only the last to the end, until one fits', () => {
    expect(over({ 2: { zoom: 0.5, fits: true } })).toEqual({ calls: ['3', '2'], found: { made: 'room for 2', zoom: 0.5, fits: true } });
    expect(over({ 1: { zoom: 0.7, fits: true } })).toEqual({ calls: ['3', '2', '1 last'], found: { made: 'room for 1', zoom: 0.7, fits: true } });
  });

  it('when none fits, gives the last layout the last set’s search made; not another set’s', () => {
    const layouts = { 3: { zoom: 0.3, fits: false }, 2: { zoom: 0.4, fits: false } };
    expect(over(layouts)).toEqual({ calls: ['3', '2', '1 last'], found: null });
    expect(over({ ...layouts, 1: { zoom: 0.6, fits: false } }).found).toEqual({ made: 'room for 1', zoom: 0.6, fits: false });
    // The last set empty: skipped; nothing to give.
    expect(searchTiers([new Set(['a']), new Set<string>()], (keep) => ({ made: keep.size, zoom: 0.5, fits: false }))).toBeNull();
  });
});
