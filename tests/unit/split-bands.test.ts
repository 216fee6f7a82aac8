import { describe, expect, it } from 'vitest';
import { bandsOf, linksOf, sourceLeaves, splitBands } from '../../src/layout/split-bands.ts';
import type { LayoutInput } from '../../src/layout/types.ts';

// A source (partition 0) acting on four markers (partition 1) of different widths; `act` (partition 1, acted on by
// nothing) acts on a factor (partition 2); `loop` and `looped` are linked inside partition 1; `both` is acted on by
// the source and the factor.
const node = (id: string, partition: number, width = 60, height = 30) => ({ id, width, height, partition });
const input: LayoutInput = {
  key: 't',
  nodes: [
    node('src', 0),
    node('a-wide', 1, 150),
    node('b-narrow', 1, 40),
    node('c-wide', 1, 140),
    node('d-narrow', 1, 50),
    node('act', 1, 60),
    node('loop', 1, 60),
    node('looped', 1, 60),
    node('f', 2),
    node('both', 3),
  ],
  edges: [
    ...['a-wide', 'b-narrow', 'c-wide', 'd-narrow', 'loop', 'both'].map((t) => ({ id: `src-${t}`, source: 'src', target: t })),
    { id: 'act-f', source: 'act', target: 'f' },
    { id: 'loop-looped', source: 'loop', target: 'looped' },
    { id: 'f-both', source: 'f', target: 'both' },
  ],
};

describe('bands of the reading order cut into sub-bands (split-bands.ts)', () => {
  it('counts each entity’s links, and which are linked inside their own partition', () => {
    const links = linksOf(input);
    expect(links.outDegree.get('src')).toBe(6);
    expect(links.inDegree.get('act')).toBeUndefined();
    expect(links.outDegree.get('a-wide')).toBeUndefined();
    expect(links.inDegree.get('both')).toBe(2);
    expect([...links.linkedWithin].sort()).toEqual(['loop', 'looped']);
    expect(links.partitionOf.get('f')).toBe(2);
  });

  it('finds the source’s leaves: acted on only by sources, acting on nothing; of partition 1 unless any kind is asked for', () => {
    const links = linksOf(input);
    // `looped` is acted on by `loop`, not a source; `act` and `loop` act on something; `both` is acted on by f.
    expect([...sourceLeaves(input, links)].sort()).toEqual(['a-wide', 'b-narrow', 'c-wide', 'd-narrow']);
    const withLeaf: LayoutInput = { ...input, nodes: [...input.nodes, node('leaf', 3)], edges: [...input.edges, { id: 'src-leaf', source: 'src', target: 'leaf' }] };
    const wl = linksOf(withLeaf);
    expect(sourceLeaves(withLeaf, wl).has('leaf')).toBe(false);
    expect(sourceLeaves(withLeaf, wl, true).has('leaf')).toBe(true);
    expect(sourceLeaves(withLeaf, wl, true).has('src')).toBe(false);
  });

  it('leaves a band whole without a limit or under it, and numbers bands by the base', () => {
    const links = linksOf(input);
    const bands = bandsOf(input, (id) => links.partitionOf.get(id)!);
    expect([...bands.keys()]).toEqual([0, 1, 2, 3]);
    expect(bands.get(1)!.map((n) => n.id)).toEqual(['a-wide', 'b-narrow', 'c-wide', 'd-narrow', 'act', 'loop', 'looped']);
    const whole = splitBands(bands, links, { along: (n) => n.height, gap: 10, base: 8 });
    expect(new Set([...bands.get(1)!].map((n) => whole.get(n.id)))).toEqual(new Set([8]));
    expect(whole.get('both')).toBe(24);
    // Seven boxes of 30 px and six gaps of 10: 270 px, under a limit of 300.
    const under = splitBands(bands, links, { along: (n) => n.height, gap: 10, limit: 300, base: 8 });
    expect(new Set(bands.get(1)!.map((n) => under.get(n.id))).size).toBe(1);
  });

  it('cuts a band over the limit into sub-bands of about equal length: what acts on nothing first, what is linked inside the band in the middle', () => {
    const links = linksOf(input);
    const bands = bandsOf(input, (id) => links.partitionOf.get(id)!);
    // 270 px at most 100 a sub-band: three.
    const p = splitBands(bands, links, { along: (n) => n.height, gap: 10, limit: 100, base: 8 });
    const subs = bands.get(1)!.map((n) => p.get(n.id)!);
    expect(new Set(subs)).toEqual(new Set([8, 9, 10]));
    // The leaves (acting on nothing) first, `loop` and `looped` (linked inside the band) next, `act` (acted on by
    // nothing) last.
    expect(['a-wide', 'b-narrow', 'c-wide', 'd-narrow'].map((id) => p.get(id))).toEqual([8, 8, 9, 9]);
    expect([p.get('loop'), p.get('looped'), p.get('act')]).toEqual([10, 10, 10]);
    // In a cut into two, `act` alone comes after the last leaf's sub-band.
    const two = splitBands(bands, links, { along: (n) => n.height, gap: 10, limit: 140, base: 8 });
    expect(two.get('act')).toBe(9);
    expect(two.get('a-wide')).toBe(8);
    // Never more sub-bands than the base allows.
    const capped = splitBands(bands, links, { along: (n) => n.height, gap: 10, limit: 10, base: 2 });
    expect(new Set(bands.get(1)!.map((n) => capped.get(n.id)))).toEqual(new Set([2, 3]));
  });

  it('packs by the extent across: the widest boxes of a rank share a sub-band, so the sub-bands are narrower in sum', () => {
    const links = linksOf(input);
    const leaves: LayoutInput = { ...input, nodes: input.nodes.filter((n) => ['a-wide', 'b-narrow', 'c-wide', 'd-narrow'].includes(n.id)), edges: [] };
    const bands = bandsOf(leaves, () => 1);
    const widest = (p: Map<string, number>) => {
      const w = new Map<number, number>();
      for (const n of leaves.nodes) w.set(p.get(n.id)!, Math.max(w.get(p.get(n.id)!) ?? 0, n.width));
      return [...w.values()].reduce((a, b) => a + b, 0);
    };
    // Four boxes of 30 px, 150 px in all: two sub-bands.
    const byName = splitBands(bands, links, { along: (n) => n.height, gap: 10, limit: 80, base: 8 });
    const packed = splitBands(bands, links, { along: (n) => n.height, gap: 10, limit: 80, base: 8, across: (n) => n.width });
    // In name order the two wide boxes fall into different sub-bands (150 + 140); packed they share one (150 + 50).
    expect(byName.get('a-wide')).not.toBe(byName.get('c-wide'));
    expect(packed.get('a-wide')).toBe(packed.get('c-wide'));
    expect(packed.get('b-narrow')).toBe(packed.get('d-narrow'));
    expect(widest(byName)).toBe(290);
    expect(widest(packed)).toBe(200);
    // Packing stays within a rank: an entity that acts on something is still cut last, however wide.
    const withWide = splitBands(bandsOf(input, (id) => links.partitionOf.get(id)!), links, {
      along: (n) => n.height,
      gap: 10,
      limit: 100,
      base: 8,
      across: (n) => (n.id === 'act' ? 1000 : n.width),
    });
    expect(withWide.get('act')).toBe(10);
  });
});
