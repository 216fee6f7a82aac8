/**
 * The portrait layout's input and scoring on hand-made graphs (layout/portrait.ts): partition numbers, options
 * carried to ELK, and how a drawing's size scores on the phones.
 */
import { describe, expect, it } from 'vitest';
import { plainInput } from '../../src/layout/layout-input.ts';
import { PHONES, phoneFitRatios, PORTRAIT_OPTIONS, portraitInput, portraitKey, portraitLayoutInput } from '../../src/layout/portrait.ts';
import type { LayoutInput } from '../../src/layout/types.ts';
import type { EntityKind } from '../../src/model/schema.ts';
import type { GraphView, ViewNode } from '../../src/model/view.ts';

const node = (id: string, partition: number, width = 100) => ({ id, width, height: 30, partition });
// A source acting on two markers, one of which acts on a factor; the factor on an outcome.
const input: LayoutInput = {
  key: 'figure:t',
  nodes: [node('src', 0), node('m1', 1), node('m2', 1), node('f', 2), node('out', 5)],
  edges: [
    { id: 'src-m1', source: 'src', target: 'm1' },
    { id: 'src-m2', source: 'src', target: 'm2' },
    { id: 'm2-f', source: 'm2', target: 'f' },
    { id: 'f-out', source: 'f', target: 'out' },
  ],
  options: { 'elk.spacing.nodeNode': '99', 'own.option': 'kept' },
};
const partitionOf = (i: LayoutInput) => Object.fromEntries(i.nodes.map((n) => [n.id, n.partition]));

describe('the portrait input', () => {
  it('numbers each kind’s row after the leaves above the source, 16 sub-rows apart', () => {
    expect(partitionOf(portraitInput(input, { row: 1000, leavesUp: false }))).toEqual({ src: 16, m1: 32, m2: 32, f: 48, out: 96 });
    // m1 only the source acts on, and it acts on nothing: above the source, in row 0.
    expect(partitionOf(portraitInput(input, { row: 1000, leavesUp: true }))).toEqual({ src: 16, m1: 0, m2: 32, f: 48, out: 96 });
  });

  it('cuts a row by the nodes’ widths with the portrait’s node spacing', () => {
    // Two 100 px markers and a 6 px gap: 206 px. Cut at 205: two sub-rows; at 206: one.
    expect(PORTRAIT_OPTIONS['elk.spacing.nodeNode']).toBe('6');
    const cut = partitionOf(portraitInput(input, { row: 205, leavesUp: false }));
    expect(new Set([cut.m1, cut.m2])).toEqual(new Set([32, 33]));
    const whole = partitionOf(portraitInput(input, { row: 206, leavesUp: false }));
    expect([whole.m1, whole.m2]).toEqual([32, 32]);
    // Tall, narrow nodes are cut by their width, not their height.
    const tall: LayoutInput = { ...input, nodes: input.nodes.map((n) => ({ ...n, width: 10, height: 300 })) };
    expect(new Set(Object.values(partitionOf(portraitInput(tall, { row: 100, leavesUp: false }))))).toEqual(new Set([16, 32, 48, 96]));
  });

  it('lays the portrait options over the input’s own, with the seed only when one is given', () => {
    const plain = portraitInput(input, { row: 1000, leavesUp: false });
    expect(plain.options).toEqual({ 'own.option': 'kept', ...PORTRAIT_OPTIONS });
    expect(plain.options).not.toHaveProperty('elk.randomSeed');
    expect(portraitInput(input, { row: 1000, leavesUp: false, seed: 4 }).options).toEqual({ 'own.option': 'kept', ...PORTRAIT_OPTIONS, 'elk.randomSeed': '4' });
    expect(portraitInput({ ...input, options: undefined }, { row: 1000, leavesUp: false }).options).toEqual(PORTRAIT_OPTIONS);
    expect(plain.key).toBe(portraitKey('figure:t'));
    expect(plain.key).toBe('portrait:figure:t');
    expect(plain.nodes.map((n) => ({ ...n, partition: 0 }))).toEqual(input.nodes.map((n) => ({ ...n, partition: 0 })));
  });

  it('of a view is the portrait of its plain input (the default boxes, kinds as partitions)', () => {
    const vnode = (id: string, kind: EntityKind): ViewNode => ({ id, entity: { id, label: id, kind } as ViewNode['entity'], sources: [] });
    const view = {
      key: 'figure:v',
      kind: 'figure',
      title: 'v',
      figures: [],
      nodes: [vnode('s', 'msc-source'), vnode('o', 'ovarian-outcome')],
      edges: [{ id: 's~upregulates~o', source: 's', target: 'o', relation: 'upregulates', sign: 'increase', supports: [], sources: [], refs: [] }],
    } as unknown as GraphView;
    const shape = { row: 300, leavesUp: true };
    expect(portraitLayoutInput(view, shape)).toEqual(portraitInput(plainInput(view), shape));
  });
});

describe('how a portrait drawing fits the phones', () => {
  it('is, for each phone, its fitted zoom over the zoom its label floor needs', () => {
    expect(PHONES.map((p) => p.name)).toEqual(['390×844', '360×740']);
    // 13 px labels, floor 9 px: a zoom of 9/13 is needed. A drawing as wide as the pane fits at zoom 1.
    const [a, b] = phoneFitRatios(342, 100, 13);
    expect(a).toBeCloseTo(13 / 9, 10);
    expect(b).toBeCloseTo(312 / 342 / (9 / 13), 10);
    // Limited by the height when the drawing is tall.
    const [c, d] = phoneFitRatios(100, 1216, 13);
    expect(c).toBeCloseTo(608 / 1216 / (9 / 13), 10);
    expect(d).toBeCloseTo(504 / 1216 / (9 / 13), 10);
  });
});
