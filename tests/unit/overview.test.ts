import { describe, expect, it } from 'vitest';
import { labelOverview, withRoom } from '../../src/export/overview.ts';
import { buildScene, labelTextBox, marksOverText, type Scene } from '../../src/export/scene.ts';
import { lodLabelBox } from '../../src/layout/label-room.ts';
import { activeLayout } from '../../src/layout/difference-layout.ts';
import { atlasMembership, computeOverlay, NO_FILTERS } from '../../src/model/overlay.ts';
import { atlasView, sourceIds } from '../../src/model/view.ts';
import { decorate } from '../../src/theme/decorations.ts';
import { sourceColour } from '../../src/theme/sources.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const order = sourceIds(model);
const atlas = atlasView(model);

/**
 * The atlas with every source on, as the slide export draws it (features/export/export-dialog.tsx): laid out with
 * room for the labels of its sources, shared factors and outcomes at 14 px of a 1920 × 1080 slide, for a free box
 * of the slide's drawing area, then labelled at the zoom the page fits it at.
 */
function laidOut(fit = { width: 1620, height: 900 }) {
  const overlay = computeOverlay(atlas, atlasMembership(atlas, order, NO_FILTERS, new Set(), order), NO_FILTERS, new Set(), []);
  const decorations = decorate(atlas, overlay, (s) => sourceColour(order, s), null, true);
  const on = new Set([...overlay.nodes].filter(([, o]) => o.on).map(([id]) => id));
  const wanted = new Set(atlas.nodes.filter((n) => on.has(n.id) && (n.entity.kind === 'msc-source' || n.entity.kind === 'ovarian-outcome' || decorations.nodes.get(n.id)?.shared)).map((n) => n.id));
  const marks = new Map(atlas.nodes.filter((n) => on.has(n.id) && n.entity.kind !== 'msc-source' && decorations.nodes.get(n.id)?.sourceColours.length).map((n) => [n.id, { badge: Boolean(decorations.nodes.get(n.id)?.shared) }]));
  const made = activeLayout(atlas, on, fit.width / fit.height, { fit, maxZoom: 4, labelPx: 14, wanted, priority: wanted, marks });
  return { fit, made, wanted, on, drawn: buildScene(atlas, made.positions, decorations, true) };
}

/** The laid-out atlas with its label room, labelled for the page (inside each test: the code under test runs there). */
function overview({ fit, made, wanted, drawn }: ReturnType<typeof laidOut>) {
  const scene = withRoom(drawn, made.box);
  const zoom = Math.min(fit.width / scene.width, fit.height / scene.height);
  return { scene: labelOverview(scene, wanted, zoom, 14), zoom };
}

describe('the atlas overview on a slide', () => {
  // The layout (layout/label-room.ts) is made once; the overview's own steps run in each test.
  const laid = laidOut();
  const { made, wanted, on } = laid;

  it('draws every entity in play and labels its sources, shared factors and outcomes at 14 px, the others not', () => {
    const { scene, zoom } = overview(laid);
    expect(scene.nodes).toHaveLength(on.size);
    expect(wanted.size).toBeGreaterThan(60);
    expect(made.roomZoom).toBeDefined();
    expect(zoom).toBeGreaterThanOrEqual(made.roomZoom! * 0.999);
    for (const n of scene.nodes) {
      if (wanted.has(n.id)) expect(((n.labelSize ?? 13) * zoom).toFixed(2), n.id).toBe('14.00');
      else expect(n.lines, n.id).toEqual([]);
    }
  });

  it('no two labels overlap and no bar or badge lies on a label', () => {
    const { scene } = overview(laid);
    const boxes = scene.nodes.filter((n) => n.lines.length).map((n) => ({ id: n.id, ...labelTextBox(n) }));
    const clashes: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1)) clashes.push(`${a.id}/${b.id}`);
      }
    expect(clashes).toEqual([]);
    expect(marksOverText(scene)).toEqual([]);
    // Some badges had to move beside a label wider than its node: the check above saw them where they are drawn.
    expect(scene.nodes.some((n) => n.marksAt?.badge && n.marksAt.badge.cx > n.x + n.w / 2 + 0.1)).toBe(true);
  });

  it('keeps the labels inside the drawing the page fits', () => {
    const { scene } = overview(laid);
    for (const n of scene.nodes.filter((x) => x.lines.length)) {
      const b = labelTextBox(n);
      expect(b.x1).toBeGreaterThanOrEqual(scene.x - 0.01);
      expect(b.x2).toBeLessThanOrEqual(scene.x + scene.width + 0.01);
    }
  });
});

describe('an overview’s steps, on nodes placed by hand', () => {
  type Node = Scene['nodes'][number];
  const node = (id: string, x: number, y: number, w: number, h: number, more: Partial<Node> = {}): Node => ({
    id, kind: 'protein', title: id, x, y, w, h, shape: 'round-rectangle', fill: '#fff', stroke: '#000', strokeWidth: 1,
    dashed: false, double: false, lines: [id], bold: false, opacity: 1, bar: [], badge: 0, highlight: false, ...more,
  });
  const sceneOf = (nodes: Node[]): Scene => ({ x: 0, y: 0, width: 1000, height: 800, nodes, edges: [] });

  it('grows the drawing’s box to the room kept for labels, on every side, and never shrinks it', () => {
    const s = { ...sceneOf([]), x: 10, y: 20, width: 100, height: 50 };
    expect(withRoom(s, { x1: 0, y1: 30, x2: 200, y2: 60 })).toMatchObject({ x: 0, y: 20, width: 200, height: 50 });
    expect(withRoom(s, { x1: 30, y1: 5, x2: 90, y2: 100 })).toMatchObject({ x: 10, y: 5, width: 100, height: 95 });
    expect(withRoom(s, { x1: 20, y1: 30, x2: 40, y2: 50 })).toMatchObject({ x: 10, y: 20, width: 100, height: 50 });
  });

  it('keeps a node as it is when its own label is already as large as asked, at exactly that size too', () => {
    const a = node('A', 100, 100, 60, 30, { bar: ['#f00'], badge: 2 });
    // 13 px labels at zoom 2 are 26 px on the page.
    const [kept, dropped] = labelOverview(sceneOf([a, node('B', 300, 100, 60, 30)]), new Set(['A']), 2, 26).nodes;
    expect(kept).toBe(a);
    expect(dropped!.lines).toEqual([]);
    // Asked a hair larger, the label is set at the asked size (in model px).
    expect(labelOverview(sceneOf([a]), new Set(['A']), 2, 26.5).nodes[0]!.labelSize).toBe(26.5 / 2);
  });

  it('puts the bar under a larger label and the badge right of it, in model px, as the screen does', () => {
    const zoom = 0.8;
    const r = 7 / zoom; // the badge's 7 screen px
    // At 14 px on the page a label is 17.5 px tall: 11.25 px from its middle to the bar's top, with the 1.5 px gap.
    const below = (n: Node) => (lodLabelBox(n.lines.join('\n'), n.bold, 14, n.x * zoom, n.y * zoom).y2 + 1.5) / zoom;
    const right = (n: Node) => (lodLabelBox(n.lines.join('\n'), n.bold, 14, n.x * zoom, n.y * zoom).x2 + 1.5 + 7) / zoom;
    // A: 36 tall, the bar's lower 3.15 screen px stay clear of the label: it keeps them. Its long label reaches the badge.
    const a = node('A long label', 100, 100, 40, 36, { bar: ['#f00'], badge: 2 });
    // B: 20 tall, nothing of the bar is left clear: it moves under the label, 4.8 screen px tall, the node's width.
    const b = node('B label', 400, 100, 40, 20, { bar: ['#f00'] });
    // C: 60 tall and wide, a short label: the bar and the badge stay where they are.
    const c = node('C', 700, 100, 200, 60, { bar: ['#f00'], badge: 2 });
    const [la, lb, lc] = labelOverview(sceneOf([a, b, c]), new Set([a.id, b.id, c.id]), zoom, 14).nodes;
    for (const n of [la, lb, lc]) expect(n!.labelSize).toBe(14 / zoom);
    const close = (got: object | undefined, want: Record<string, number>) => {
      expect(Object.keys(got ?? {}).sort()).toEqual(Object.keys(want).sort());
      for (const [k, v] of Object.entries(want)) expect((got as Record<string, number>)[k], k).toBeCloseTo(v, 9);
    };
    close(la!.marksAt!.bar, { x1: 80, x2: 120, y1: below(a), y2: 118 });
    close(la!.marksAt!.badge, { cx: right(a), cy: 82, r });
    close(lb!.marksAt!.bar, { x1: 380, x2: 420, y1: below(b), y2: below(b) + 4.8 / zoom });
    expect(lb!.marksAt!.badge).toBeUndefined();
    expect(lc!.marksAt!.bar).toBeUndefined();
    close(lc!.marksAt!.badge, { cx: 800, cy: 70, r });
  });
});
