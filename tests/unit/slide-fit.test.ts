/**
 * Pages and slides that read from the back of a room (src/export/slide-fit.ts): labels of at least 14 px on a
 * 1920 × 1080 slide, by the screen's layout when it allows, laid out afresh when not, and the most important
 * entities only when even that is too big; the legend names the marks' colours too. The browser test
 * (tests/e2e/slides.e2e.ts) measures the same in the exported files.
 */
import { describe, expect, it } from 'vitest';
import { labelPx, panePlacements } from '../../src/export/compose.ts';
import { exportContent } from '../../src/export/content.ts';
import { renderSvg } from '../../src/export/image.ts';
import { entityPriority, fitPage, freeAspect, SLIDE_LABEL_PX, subsetView } from '../../src/export/slide-fit.ts';
import { PAGE_SIZES } from '../../src/export/page-size.ts';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import { activeLayout } from '../../src/layout/difference-layout.ts';
import type { Decorations } from '../../src/theme/decorations.ts';
import { atlasView, figureView, type GraphView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const SLIDE = PAGE_SIZES.slide;

function fitFigure(id: string, shown = precomputedLayouts[`figure:${id}`]!) {
  const view = figureView(model, id)!;
  const build = (v: GraphView, positions: typeof precomputedLayouts[string]) => exportContent(model, { title: view.title, panes: [{ view: v, positions }], sources: [] });
  const all = new Set(view.nodes.map((n) => n.id));
  return fitPage(SLIDE, {
    asShown: () => build(view, shown),
    asShownRelaid: false,
    relayout: (aspect) => build(view, activeLayout(view, all, aspect).positions),
    subset: (keep, aspect) => {
      const v = subsetView(view, keep);
      return build(v, activeLayout(v, new Set(), aspect).positions);
    },
    priority: entityPriority(view, all, () => false),
  });
}

describe('fitting a view to a slide', () => {
  it('every figure: labels of at least 14 px, as drawn on screen when that allows, laid out afresh otherwise', () => {
    for (const f of model.figures) {
      const view = figureView(model, f.id)!;
      const screen = exportContent(model, { title: view.title, panes: [{ view, positions: precomputedLayouts[`figure:${f.id}`]! }], sources: [] });
      const fit = fitFigure(f.id);
      expect(labelPx(fit.content, SLIDE), f.id).toBeGreaterThanOrEqual(SLIDE_LABEL_PX);
      // Laid out afresh exactly when the screen's layout would be too small; every entity kept.
      expect(fit.relaid, f.id).toBe(labelPx(screen, SLIDE) < SLIDE_LABEL_PX);
      expect(fit.shown, f.id).toBeUndefined();
      expect(fit.content.panes[0]!.scene.nodes).toHaveLength(view.nodes.length);
    }
    expect(fitFigure('table1').relaid).toBe(false);
    // Every shipped figure's own drawing now fits a slide; one three times as wide as Fig. 5's does not, and is laid
    // out afresh with every entity kept.
    const fig5 = precomputedLayouts['figure:fig5']!;
    const wide = { ...fig5, nodes: Object.fromEntries(Object.entries(fig5.nodes).map(([id, p]) => [id, { x: p.x * 3, y: p.y }])), edges: {} };
    const stretched = fitFigure('fig5', wide);
    expect(stretched.relaid).toBe(true);
    expect(labelPx(stretched.content, SLIDE)).toBeGreaterThanOrEqual(SLIDE_LABEL_PX);
    expect(stretched.content.panes[0]!.scene.nodes).toHaveLength(figureView(model, 'fig5')!.nodes.length);
  });

  it('the whole atlas is too big even laid out afresh: the most important entities are kept, sources first', () => {
    const view = atlasView(model);
    const all = new Set(view.nodes.map((n) => n.id));
    const build = (v: GraphView, aspect: number) => exportContent(model, { title: view.title, panes: [{ view: v, positions: activeLayout(v, new Set(), aspect).positions }], sources: [] });
    const priority = entityPriority(view, all, () => false);
    const fit = fitPage(SLIDE, { asShown: (aspect) => build(view, aspect), asShownRelaid: true, subset: (keep, aspect) => build(subsetView(view, keep), aspect), priority });
    expect(labelPx(fit.content, SLIDE)).toBeGreaterThanOrEqual(SLIDE_LABEL_PX);
    expect(fit.shown!.of).toBe(view.nodes.length);
    expect(fit.shown!.count).toBeLessThan(view.nodes.length);
    expect(fit.shown!.count).toBeGreaterThan(view.nodes.length / 2);
    // The largest such set: one more entity would not be readable.
    const more = build(subsetView(view, new Set(priority.slice(0, fit.shown!.count + 1))), freeAspect(fit.content, SLIDE));
    expect(labelPx(more, SLIDE)).toBeLessThan(SLIDE_LABEL_PX);
    const kept = new Set(fit.content.panes[0]!.scene.nodes.map((n) => n.id));
    for (const n of view.nodes) if (n.entity.kind === 'msc-source') expect(kept.has(n.id), n.id).toBe(true);
  });

  it('orders entities: sources, then shared factors and outcomes, then by relations shown', () => {
    const view = atlasView(model);
    const inPlay = new Set(view.nodes.map((n) => n.id));
    const shared = new Set(['igf1', 'hgf']);
    const order = entityPriority(view, inPlay, (id) => shared.has(id));
    const kind = (id: string) => view.nodes.find((n) => n.id === id)!.entity.kind;
    const rank = (id: string) => (kind(id) === 'msc-source' || kind(id) === 'combination' ? 3 : shared.has(id) || kind(id) === 'ovarian-outcome' ? 2 : 1);
    for (let i = 1; i < order.length; i++) expect(rank(order[i - 1]!)).toBeGreaterThanOrEqual(rank(order[i]!));
    expect(order).toHaveLength(view.nodes.length);
    // Only what is in play.
    expect(entityPriority(view, new Set(['igf1', 'hbmmsc']), () => false)).toEqual(['hbmmsc', 'igf1']);
  });

  it('places each pane in its free box; the drawing fills the box in one direction', () => {
    const view = figureView(model, 'fig1')!;
    const c = exportContent(model, { title: view.title, panes: [{ view, positions: precomputedLayouts['figure:fig1']! }], sources: [] });
    const [p] = panePlacements(c, SLIDE);
    const s = c.panes[0]!.scene;
    expect(Math.max((s.width * p!.scale) / p!.box.w, (s.height * p!.scale) / p!.box.h)).toBeGreaterThan(0.97);
    expect(labelPx(c, SLIDE)).toBeCloseTo(13 * p!.scale, 6);
  });
});

describe('the legend names every colour the drawing uses', () => {
  it('the black border and badge of a shared entity, and the path highlight, get legend entries when drawn', () => {
    const view = figureView(model, 'fig1')!;
    const decorations: Decorations = { nodes: new Map(), edges: new Map() };
    for (const n of view.nodes) decorations.nodes.set(n.id, { dim: false, sourceColours: [], shared: false, highlight: null });
    const plain = renderSvg(exportContent(model, { title: 't', panes: [{ view, positions: precomputedLayouts['figure:fig1']!, decorations }], sources: [] }), SLIDE, 'white');
    const legendOf = (svg: string) => /<g class="legend"[^>]*>([\s\S]*?)<\/g>\n?(?:<text|$)/.exec(svg)?.[1] ?? svg.slice(svg.indexOf('<g class="legend"'));
    expect(legendOf(plain)).not.toContain('Acted on by 2+ sources');
    expect(legendOf(plain)).not.toContain('On the explained path');
    decorations.nodes.set('igf1', { dim: false, sourceColours: ['#E69F00', '#56B4E9'], shared: true, highlight: null });
    decorations.nodes.set('pten', { dim: false, sourceColours: [], shared: false, highlight: 'on' });
    const marked = renderSvg(
      exportContent(model, { title: 't', panes: [{ view, positions: precomputedLayouts['figure:fig1']!, decorations }], sources: [{ id: 'hbmmsc', colour: '#E69F00' }, { id: 'humsc', colour: '#56B4E9' }] }),
      SLIDE,
      'white',
    );
    const legend = legendOf(marked);
    expect(legend).toContain('Acted on by 2+ sources (count)');
    expect(legend).toContain('stroke="#000000"');
    expect(legend).toContain('On the explained path');
    expect(legend.toLowerCase()).toContain('fill="#f0e442"');
  });
});
