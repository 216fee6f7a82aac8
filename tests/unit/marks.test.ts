import { describe, expect, it } from 'vitest';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import { buildScene, marksOverText, type Scene } from '../../src/export/scene.ts';
import { atlasMembership, computeOverlay, NO_FILTERS } from '../../src/model/overlay.ts';
import { atlasView, figureView, sideView, sourceIds, unionView } from '../../src/model/view.ts';
import { decorate, paneDecorations } from '../../src/theme/decorations.ts';
import { sourceColour } from '../../src/theme/sources.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const order = sourceIds(model);
const atlas = atlasView(model);

/** Every source on: the most marks a view can carry (a bar on each entity a source acts on, badges where shared). */
function allSourcesScene(key: string, view = figureView(model, key.replace('figure:', ''))!): Scene {
  const overlay = computeOverlay(view, atlasMembership(atlas, order, NO_FILTERS, new Set(), order), NO_FILTERS, new Set(), []);
  return buildScene(view, precomputedLayouts[key]!, decorate(view, overlay, (s) => sourceColour(order, s), null, true));
}

describe('marks never cover label text in exports', () => {
  it('finds a badge placed on the text (the check can fail)', () => {
    const scene = allSourcesScene('figure:fig1');
    const shared = scene.nodes.find((n) => n.badge)!;
    expect(shared).toBeDefined();
    // A node as narrow as its text: the corner badge now reaches over the text.
    const tight = { ...scene, nodes: [{ ...shared, w: 20, h: 16 }] };
    expect(marksOverText(tight).length).toBeGreaterThan(0);
  });

  for (const f of model.figures)
    it(`${f.label} with every source on`, () => {
      const scene = allSourcesScene(`figure:${f.id}`);
      expect(scene.nodes.some((n) => n.bar.length)).toBe(true);
      expect(marksOverText(scene)).toEqual([]);
    });

  it('the atlas with every source on', () => {
    const scene = allSourcesScene('atlas', atlas);
    expect(scene.nodes.filter((n) => n.badge).length).toBeGreaterThan(10);
    expect(marksOverText(scene)).toEqual([]);
  });

  it('compare panes (hPMSC vs huMSC), badges on every shared entity', () => {
    const left = sideView(model, { type: 'source', id: 'hpmsc' })!;
    const right = sideView(model, { type: 'source', id: 'humsc' })!;
    const union = unionView(left, right);
    // Laid out together; the union has no shipped layout, so use each entity's atlas position.
    const positions = { ...precomputedLayouts.atlas!, edges: {} };
    for (const [pane, other] of [
      [left, right],
      [right, left],
    ] as const) {
      const scene = buildScene(pane, positions, paneDecorations(pane, other, '#0072B2', '#D55E00'));
      expect(scene.nodes.some((n) => n.badge)).toBe(true);
      expect(marksOverText(scene)).toEqual([]);
    }
    expect(union.nodes.length).toBeGreaterThan(left.nodes.length);
  });
});
