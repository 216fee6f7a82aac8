/**
 * ELK's options (layout/elk-options.ts) as ELK draws with them, in Node (elkjs, the engine `npm run layouts` uses):
 * - the shipped layouts of three small figures, in their shapes (layout/figure-shape.ts), are what ELK draws with
 *   today's options. A layout's hash covers a shape's options but not elk-options.ts's, so `npm run layouts -- --check`
 *   passes when one of those changes without a new `npm run layouts`: the shipped figures would then no longer be what
 *   the browser's ELK draws with the same options;
 * - the spacing of the default shape, the one the atlas, compare pairs and imports are drawn in (a figure's own shape
 *   overrides most of it): room between columns for the arrows, columns kept short, edges packed close.
 * ELK runs in milliseconds on these graphs (its module takes a second or two to load).
 */
import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../../src/layout/in-process.ts';
import { layoutInput } from '../../src/layout/layout-input.ts';
import type { LayoutInput, Positions } from '../../src/layout/types.ts';
import { figureView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';
import { storedLayout } from '../helpers/stored-layout.ts';

const engine = createInProcessEngine();

describe('the shipped figure layouts', () => {
  it('are what ELK draws with today’s options (the quickest: Fig. 4 and the other findings, compact; Fig. 7, dense)', async () => {
    const model = shippedModel();
    for (const id of ['fig4', 'other', 'fig7']) {
      const view = figureView(model, id)!;
      const positions = await engine.layout(layoutInput(view));
      expect({ key: view.key, ...positions }, id).toEqual(storedLayout(view.key));
    }
  });
});

describe('the default shape’s spacing', () => {
  const box = (id: string, partition: number, height = 20) => ({ id, width: 60, height, partition });
  const left = (p: Positions, id: string, input: LayoutInput) => p.nodes[id]!.x - input.nodes.find((n) => n.id === id)!.width / 2;
  const right = (p: Positions, id: string, input: LayoutInput) => p.nodes[id]!.x + input.nodes.find((n) => n.id === id)!.width / 2;
  /** The room between the right of column `a`'s boxes and the left of column `b`'s. */
  const gap = (p: Positions, input: LayoutInput, a: number, b: number) =>
    Math.min(...input.nodes.filter((n) => n.partition === b).map((n) => left(p, n.id, input))) -
    Math.max(...input.nodes.filter((n) => n.partition === a).map((n) => right(p, n.id, input)));

  it('leaves 48 px between columns, room for an arrow head after a bend', async () => {
    const input: LayoutInput = { key: 'k', nodes: [box('a', 0), box('b', 1), box('c', 2)], edges: [{ id: 'ab', source: 'a', target: 'b' }, { id: 'bc', source: 'b', target: 'c' }] };
    const p = await engine.layout(input);
    expect(gap(p, input, 0, 1)).toBeGreaterThanOrEqual(48);
    expect(gap(p, input, 1, 2)).toBeGreaterThanOrEqual(48);
  });

  it('stacks a column’s boxes 10 px apart: labels clear of each other, and the atlas’s long columns half as tall as with ELK’s 20', async () => {
    const input: LayoutInput = {
      key: 'k',
      nodes: [box('src', 0), ...['f1', 'f2', 'f3', 'f4', 'f5'].map((id) => box(id, 1))],
      edges: ['f1', 'f2', 'f3', 'f4', 'f5'].map((id) => ({ id, source: 'src', target: id })),
    };
    const p = await engine.layout(input);
    const ys = ['f1', 'f2', 'f3', 'f4', 'f5'].map((id) => p.nodes[id]!.y).sort((a, b) => a - b);
    const between = ys.slice(1).map((y, i) => y - ys[i]! - 20);
    expect(Math.min(...between)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...between)).toBeLessThan(20);
  });

  it('packs edges close between columns: steep edges widen the gap by at most a 30th of their rise (ELK’s 10 px spacing: a 12th)', async () => {
    // One source fanning out to a tall column: the edges rise up to 4 × 60 px between the two columns.
    const targets = ['t1', 't2', 't3', 't4', 't5'];
    const input: LayoutInput = {
      key: 'k',
      nodes: [box('src', 0), ...targets.map((id) => box(id, 1, 50))],
      edges: targets.map((id) => ({ id, source: 'src', target: id })),
    };
    const p = await engine.layout(input);
    const rise = Math.max(...targets.map((id) => Math.abs(p.nodes[id]!.y - p.nodes.src!.y)));
    expect(rise).toBeGreaterThan(100);
    expect(gap(p, input, 0, 1)).toBeGreaterThanOrEqual(48);
    expect(gap(p, input, 0, 1)).toBeLessThanOrEqual(48 + rise / 30 + 0.5);
  });
});
