/**
 * Where a band is cut (layout/split-bands.ts), on bands made to sit on the edges of the rule: a node that alone is
 * longer than a sub-band's share, a node that ends exactly at the share, and sources that are nobody's leaves.
 */
import { describe, expect, it } from 'vitest';
import { bandsOf, linksOf, sourceLeaves, splitBands } from '../../src/layout/split-bands.ts';
import type { LayoutInput } from '../../src/layout/types.ts';

const node = (id: string, partition: number, height = 30) => ({ id, width: 60, height, partition });
const cut = (input: LayoutInput, limit: number, gap = 0) => {
  const links = linksOf(input);
  return splitBands(bandsOf(input, (id) => links.partitionOf.get(id)!), links, { along: (n) => n.height, gap, limit, base: 8 });
};

describe('cutting a band into sub-bands', () => {
  it('keeps a node longer than a share in the first sub-band when it comes first, not an empty one before it', () => {
    // 300 + 10 + 10 px, cut at 100: 4 sub-bands of 80 px; `a` (first by id) alone is longer than that.
    const input: LayoutInput = { key: 't', nodes: [node('a', 1, 300), node('b', 1, 10), node('c', 1, 10)], edges: [] };
    const p = cut(input, 100);
    expect(p.get('a')).toBe(8);
    expect(p.get('b')).toBe(9);
    expect(p.get('c')).toBe(9);
  });

  it('moves to the next sub-band only a node whose middle is past the share, not one whose middle is on it', () => {
    // 10 + 20 + 10 px cut at 20: two shares of 20 px. b's middle is at 10 + 10 = 20, on the share: it stays.
    const input: LayoutInput = { key: 't', nodes: [node('a', 2, 10), node('b', 2, 20), node('c', 2, 10)], edges: [] };
    expect(Object.fromEntries(cut(input, 20))).toEqual({ a: 16, b: 16, c: 17 });
    // `a` a hair longer (and `c` as much shorter): b's middle is past the share and it starts the second sub-band.
    const longer: LayoutInput = { ...input, nodes: [node('a', 2, 10.1), node('b', 2, 20), node('c', 2, 9.9)] };
    expect(Object.fromEntries(cut(longer, 20))).toEqual({ a: 16, b: 17, c: 17 });
  });
});

describe('the order of a cut band', () => {
  it('puts what acts on nothing first, what is acted on and acts in the middle, what only acts last', () => {
    // In band 1: `c-leaf` acts on nothing, `b-mid` is acted on by the source and acts on f, `a-top` only acts on f.
    const input: LayoutInput = {
      key: 't',
      nodes: [node('src', 0), node('a-top', 1), node('b-mid', 1), node('c-leaf', 1), node('f', 2)],
      edges: [
        { id: 'src-b', source: 'src', target: 'b-mid' },
        { id: 'src-c', source: 'src', target: 'c-leaf' },
        { id: 'a-f', source: 'a-top', target: 'f' },
        { id: 'b-f', source: 'b-mid', target: 'f' },
      ],
    };
    const p = cut(input, 30);
    expect([p.get('c-leaf'), p.get('b-mid'), p.get('a-top')]).toEqual([8, 9, 10]);
  });
});

describe('the source’s leaves of any kind', () => {
  it('are never sources themselves, even a source that acts on nothing', () => {
    // `idle` is a source (partition 0) acting on nothing and acted on by nothing; `fed` a source acted on by one.
    const input: LayoutInput = {
      key: 't',
      nodes: [node('src', 0), node('idle', 0), node('fed', 0), node('leaf', 3)],
      edges: [
        { id: 'src-leaf', source: 'src', target: 'leaf' },
        { id: 'src-fed', source: 'src', target: 'fed' },
      ],
    };
    const links = linksOf(input);
    expect([...sourceLeaves(input, links, true)]).toEqual(['leaf']);
    expect([...sourceLeaves(input, links)]).toEqual([]);
  });
});
