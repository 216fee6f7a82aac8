import { describe, expect, it } from 'vitest';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import { layoutInput } from '../../src/layout/layout-input.ts';
import { buildElements } from '../../src/graph-view/elements.ts';
import { buildScene } from '../../src/export/scene.ts';
import { drawingBox } from '../../src/layout/drawing-box.ts';
import { viewRecords } from '../../src/formats/view-data.ts';
import { countCrossings, edgesThroughNodes, routesOf, segmentsCross } from '../../src/layout/quality.ts';
import type { LayoutInput, Positions } from '../../src/layout/types.ts';
import { figureView } from '../../src/model/view.ts';
import { dagreLayout } from '../helpers/dagre.ts';
import { shippedModel } from '../helpers/model.ts';

const shipped = () => precomputedLayouts;

describe('measuring a drawing', () => {
  const input: LayoutInput = {
    key: 't',
    nodes: [
      { id: 'a', width: 20, height: 10, partition: 0 },
      { id: 'b', width: 20, height: 10, partition: 0 },
      { id: 'c', width: 20, height: 10, partition: 1 },
      { id: 'd', width: 20, height: 10, partition: 1 },
      { id: 'm', width: 20, height: 10, partition: 1 },
    ],
    edges: [
      { id: 'ad', source: 'a', target: 'd' },
      { id: 'bc', source: 'b', target: 'c' },
    ],
  };
  const positions: Positions = {
    hash: '',
    nodes: { a: { x: 0, y: 0 }, b: { x: 0, y: 100 }, c: { x: 200, y: 0 }, d: { x: 200, y: 100 }, m: { x: 100, y: 50 } },
    edges: { ad: [{ x: 10, y: 0 }, { x: 190, y: 100 }], bc: [{ x: 10, y: 100 }, { x: 190, y: 0 }] },
    width: 220,
    height: 110,
  };

  it('counts a crossing of two edges, and an edge through a box that is not one of its ends', () => {
    const routes = routesOf(input, positions);
    expect(countCrossings(routes)).toBe(1);
    expect(edgesThroughNodes(input, positions, routes).sort()).toEqual([
      ['ad', 'm'],
      ['bc', 'm'],
    ]);
  });

  it('does not count edges that only touch at an end or run along each other', () => {
    expect(segmentsCross({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 })).toBe(false);
    expect(segmentsCross({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 5, y: 0 }, { x: 15, y: 0 })).toBe(false);
    expect(segmentsCross({ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }, { x: 10, y: 0 })).toBe(true);
  });
});

describe('the shipped figures, as drawn', () => {
  const model = shippedModel();
  const views = shipped();
  for (const f of model.figures) {
    const view = figureView(model, f.id)!;
    const input = layoutInput(view);
    const positions = views[view.key]!;

    it(`${f.label}: no more edge crossings than dagre with the same boxes and spacing, and none through a node`, () => {
      const routes = routesOf(input, positions);
      const ours = countCrossings(routes);
      const dagre = countCrossings(dagreLayout(input).routes);
      if (dagre === 0) expect(ours).toBe(0);
      else expect(ours).toBeLessThanOrEqual(dagre);
      expect(edgesThroughNodes(input, positions, routes)).toEqual([]);
    });

    it(`${f.label}: the canvas, the prerendered picture and the exports size every node as its layout did`, () => {
      // A dense figure's boxes are narrower than the default (measure.ts DENSE_BOX): the stored positions say so.
      expect(positions.box).toEqual(input.box);
      const size = new Map(input.nodes.map((n) => [n.id, { w: n.width, h: n.height }]));
      for (const el of buildElements(view, positions).elements)
        if (el.group === 'nodes') expect({ w: el.data.w, h: el.data.h }, `canvas ${el.data.id}`).toEqual(size.get(el.data.id!));
      for (const n of buildScene(view, positions).nodes) expect({ w: n.w, h: n.h }, `scene ${n.id}`).toEqual(size.get(n.id));
      for (const n of viewRecords(model, view, positions).nodes) expect({ w: n.width, h: n.height }, `records ${n.id}`).toEqual(size.get(n.id));
      const b = drawingBox(view, positions);
      for (const n of input.nodes) {
        const p = positions.nodes[n.id]!;
        expect(Math.min(p.x - n.width / 2 - b.x1, b.x2 - p.x - n.width / 2, p.y - n.height / 2 - b.y1, b.y2 - p.y - n.height / 2), n.id).toBeGreaterThanOrEqual(-1e-9);
      }
    });

    it(`${f.label}: every edge starts on its source's border and ends on its target's`, () => {
      const box = (id: string) => {
        const n = input.nodes.find((x) => x.id === id)!;
        const p = positions.nodes[id]!;
        return { x1: p.x - n.width / 2, x2: p.x + n.width / 2, y1: p.y - n.height / 2, y2: p.y + n.height / 2 };
      };
      const onBorder = (p: { x: number; y: number }, b: ReturnType<typeof box>) =>
        p.x >= b.x1 - 1 && p.x <= b.x2 + 1 && p.y >= b.y1 - 1 && p.y <= b.y2 + 1 &&
        Math.min(Math.abs(p.x - b.x1), Math.abs(p.x - b.x2), Math.abs(p.y - b.y1), Math.abs(p.y - b.y2)) <= 1;
      for (const e of input.edges) {
        const route = positions.edges[e.id]!;
        expect(route.length, e.id).toBeGreaterThanOrEqual(2);
        expect(onBorder(route[0]!, box(e.source)), `${e.id} start`).toBe(true);
        expect(onBorder(route.at(-1)!, box(e.target)), `${e.id} end`).toBe(true);
      }
    });
  }
});
