import { describe, expect, it } from 'vitest';
import { explainPaths, MAX_CHAIN_LENGTH, MAX_CHAINS } from '../../src/model/paths.ts';
import type { GraphView, ViewEdge } from '../../src/model/view.ts';

const edge = (source: string, target: string, sources = ['s']): ViewEdge =>
  ({ id: `${source}~activates~${target}`, source, target, relation: 'activates', sign: '+', supports: [], sources, refs: [] }) as unknown as ViewEdge;
const view = (edges: ViewEdge[]): GraphView => ({ key: 'v', kind: 'atlas', title: 'v', figures: [], nodes: [], edges });
const ids = (r: ReturnType<typeof explainPaths>) => r.chains.map((c) => c.edges.map((e) => e.target).join(' '));

describe('chains from a source to an entity', () => {
  it('never passes through the source again, nor through any entity twice', () => {
    const v = view([edge('s', 'x'), edge('x', 's'), edge('s', 't'), edge('x', 'y'), edge('y', 'x'), edge('y', 't')]);
    expect(ids(explainPaths(v, { from: 's', to: 't' }))).toEqual(['t', 'x y t']);
  });

  it('lists shorter chains first, and only edges the source acts through', () => {
    const v = view([edge('s', 'a'), edge('a', 'b'), edge('b', 't'), edge('s', 'c'), edge('c', 't'), edge('s', 't', ['other'])]);
    expect(ids(explainPaths(v, { from: 's', to: 't' }))).toEqual(['c t', 'a b t']);
  });

  it('stops at the chain limit and says so; a search that ran out of chains is not truncated', () => {
    const v = view([edge('s', 'a'), edge('s', 'b'), edge('s', 'c'), edge('a', 't'), edge('b', 't'), edge('c', 't')]);
    expect(explainPaths(v, { from: 's', to: 't' })).toMatchObject({ truncated: false });
    expect(explainPaths(v, { from: 's', to: 't' }).chains).toHaveLength(3);
    const two = explainPaths(v, { from: 's', to: 't' }, () => true, { length: MAX_CHAIN_LENGTH, chains: 2 });
    expect(ids(two)).toEqual(['a t', 'b t']);
    expect(two.truncated).toBe(true);
    const three = explainPaths(v, { from: 's', to: 't' }, () => true, { length: MAX_CHAIN_LENGTH, chains: 3 });
    expect(three.chains).toHaveLength(3);
    expect(three.truncated).toBe(true);
  });

  it('follows chains up to the length limit, and no further', () => {
    const line = ['s', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 't'];
    const v = view(line.slice(1).map((n, i) => edge(line[i]!, n)));
    expect(MAX_CHAIN_LENGTH).toBe(7);
    expect(MAX_CHAINS).toBe(40);
    expect(explainPaths(v, { from: 's', to: 't' })).toMatchObject({ truncated: false, chains: [{ edges: { length: 7 } }] });
    expect(explainPaths(v, { from: 's', to: 't' }, () => true, { length: 6, chains: 40 })).toEqual({ chains: [], truncated: true });
    // A dead end shorter than the limit is not a cut.
    expect(explainPaths(view([edge('s', 'a')]), { from: 's', to: 't' })).toEqual({ chains: [], truncated: false });
  });
});
