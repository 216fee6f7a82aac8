import { describe, expect, it } from 'vitest';
import { labelOverview, withRoom } from '../../src/export/overview.ts';
import { buildScene, labelTextBox, marksOverText } from '../../src/export/scene.ts';
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
