/**
 * Legibility of a drawn pane, measured in the page: the size on screen of every drawn node label, how many of the
 * entities in play carry a drawn label, drawn labels that overlap, and marks (source bars, count badges) that sit
 * on label text. Used by the browser tests (tests/e2e/legibility.e2e.ts) and by `npm run bench` (its label
 * table), so both measure the same thing.
 *
 * "Label px" is the zoom times the node's font size: the height of the text on screen. Cytoscape does not draw a
 * label whose label px is under the node's `min-zoomed-font-size`; a label off the pane is not drawn either.
 * "In play" is every node the overlay does not dim (class `off`): dimmed entities may stay unlabelled.
 *
 * To add a case: push a `LegibilityCase` (an address and the panes to measure) in `legibilityCases` or in a test.
 */
import type { Page } from 'playwright-core';
import type { Model } from '../../src/model/types.ts';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PaneLegibility {
  pane: string;
  zoom: number;
  /** Pane size in CSS px. */
  width: number;
  height: number;
  /** Entities in play (not dimmed by the overlay). */
  inPlay: number;
  /** Entities in play whose label is drawn (large enough and on the pane). */
  labelled: number;
  /** Label px of each drawn label, by node id. */
  px: Record<string, number>;
  min: number;
  median: number;
  /** Pairs of drawn labels whose boxes overlap (by more than half a pixel each way). */
  overlaps: [string, string][];
  /** Marks (badge, bar) that intersect a drawn label's box: [mark, label node id]. */
  markHits: [string, string][];
  /** Number of marks drawn (so a test can tell that it checked some). */
  marks: number;
}

/** Boxes of the marks a pane draws over its nodes, in model coordinates (graph-view/source-marks.ts). */
export interface MarkBox extends Box {
  id: string;
  kind: 'badge' | 'bar';
}

/** Measures one pane (window.mscAtlas.cy[pane]) as drawn now. Runs in the page: self-contained. */
export function measureInPage(pane: string): PaneLegibility {
  type Cy = import('cytoscape').Core;
  const w = window as unknown as { mscAtlas?: { cy: Record<string, Cy>; marks?: Record<string, () => MarkBox[]> } };
  const cy = w.mscAtlas?.cy[pane];
  if (!cy) throw new Error(`no pane "${pane}"`);
  const zoom = cy.zoom();
  const pan = cy.pan();
  const W = cy.width();
  const H = cy.height();
  const cut = (a: Box, b: Box, tol: number) => Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > tol && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > tol;
  const px: Record<string, number> = {};
  const boxes: (Box & { id: string })[] = [];
  let inPlay = 0;
  let labelled = 0;
  cy.nodes().forEach((n) => {
    if (!n.visible()) return;
    const playing = !n.hasClass('off');
    if (playing) inPlay++;
    const label = String(n.style('label') ?? '');
    if (!label) return;
    const size = parseFloat(n.style('font-size')) * zoom;
    const cutoff = parseFloat(n.style('min-zoomed-font-size')) || 0;
    // Hidden by the level of detail (text-opacity 0, graph-view/label-lod.ts) or by its opacity: not drawn.
    if (size < cutoff || n.effectiveOpacity() === 0 || parseFloat(n.style('text-opacity')) === 0) return;
    const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as never);
    const box = { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    if (!cut(box, { x1: 0, y1: 0, x2: W, y2: H }, 0)) return;
    px[n.id()] = Math.round(size * 100) / 100;
    boxes.push(box);
    if (playing) labelled++;
  });
  const overlaps: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (cut(boxes[i]!, boxes[j]!, 0.5)) overlaps.push([boxes[i]!.id, boxes[j]!.id]);
  const marks = (w.mscAtlas?.marks?.[pane]?.() ?? []).map((m) => ({
    ...m,
    x1: m.x1 * zoom + pan.x,
    x2: m.x2 * zoom + pan.x,
    y1: m.y1 * zoom + pan.y,
    y2: m.y2 * zoom + pan.y,
  }));
  const markHits: [string, string][] = [];
  for (const m of marks) for (const b of boxes) if (cut(m, b, 0.25)) markHits.push([`${m.kind}:${m.id}`, b.id]);
  const sizes = Object.values(px).sort((a, b) => a - b);
  return {
    pane,
    zoom: Math.round(zoom * 1000) / 1000,
    width: W,
    height: H,
    inPlay,
    labelled,
    px,
    min: sizes[0] ?? 0,
    median: sizes.length ? sizes[Math.floor((sizes.length - 1) / 2)]! : 0,
    overlaps,
    markHits,
    marks: marks.length,
  };
}

export async function measurePane(page: Page, pane = 'main'): Promise<PaneLegibility> {
  // tsx (esbuild, keepNames) wraps named inner functions in a `__name` helper that the page does not have.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(measureInPage, pane);
}

export interface LegibilityCase {
  /** Row name in the bench table and test name. */
  name: string;
  /** Address (search part) that opens the view. */
  search: string;
  panes: string[];
}

/** Screens of points 1 and 6 and their floors (label px): the tablet meets the 1600×1000 laptop's 10 px. */
export const SCREENS = [
  { name: 'laptop 1600×1000', viewport: { width: 1600, height: 1000 }, floor: 10 },
  { name: 'laptop 1280×800', viewport: { width: 1280, height: 800 }, floor: 9 },
  { name: 'tablet 1024×768', viewport: { width: 1024, height: 768 }, floor: 10 },
] as const;

/** Share of the entities in play that must carry a drawn label. */
export const LABELLED_SHARE = 0.9;

export function figureCases(model: Model): LegibilityCase[] {
  return model.figures.map((f) => ({ name: f.label, search: `?figure=${f.id}`, panes: ['main'] }));
}

/**
 * The atlas with one, two, three and every source on, and compare as it opens (the difference diagram) for the
 * pairs the issue measured, plus one pair in twin panes (&panes=twin).
 */
export function atlasCompareCases(): LegibilityCase[] {
  const pairs: [string, string, string][] = [
    ['hPMSC vs huMSC', 'source:hpmsc', 'source:humsc'],
    ['hBMMSC vs hADMSC', 'source:hbmmsc', 'source:hadmsc'],
    ['hAMSC vs hMB-MSC', 'source:hamsc', 'source:hmbmsc'],
    ['Fig. 2 vs Fig. 3', 'figure:fig2', 'figure:fig3'],
  ];
  return [
    { name: 'Atlas, hBMMSC', search: '?view=atlas&sources=hbmmsc', panes: ['main'] },
    { name: 'Atlas, hBMMSC + huMSC', search: '?view=atlas&sources=hbmmsc,humsc', panes: ['main'] },
    { name: 'Atlas, hBMMSC + huMSC + hAMSC', search: '?view=atlas&sources=hbmmsc,humsc,hamsc', panes: ['main'] },
    { name: 'Atlas, every source', search: '?view=atlas', panes: ['main'] },
    ...pairs.map(([name, l, r]) => ({ name: `Compare ${name}`, search: `?view=compare&left=${l}&right=${r}`, panes: ['difference'] })),
    { name: 'Compare hPMSC vs huMSC, twin panes', search: '?view=compare&left=source:hpmsc&right=source:humsc&panes=twin', panes: ['left', 'right'] },
  ];
}

/** What a case fails on at a floor: one line per problem (empty when legible). */
export function legibilityProblems(m: PaneLegibility, floor: number): string[] {
  const out: string[] = [];
  const small = Object.entries(m.px).filter(([, v]) => v < floor);
  if (small.length) out.push(`${small.length} drawn labels under ${floor} px (zoom ${m.zoom}): ${small.slice(0, 5).map(([id, v]) => `${id} ${v}`).join(', ')}`);
  if (m.labelled < LABELLED_SHARE * m.inPlay) out.push(`only ${m.labelled} of ${m.inPlay} entities in play labelled`);
  if (m.overlaps.length) out.push(`overlapping labels: ${m.overlaps.slice(0, 5).map((p) => p.join(' / ')).join(', ')}`);
  if (m.markHits.length) out.push(`marks on label text: ${m.markHits.slice(0, 5).map((p) => p.join(' on ')).join(', ')}`);
  return out;
}

/**
 * Drawn labels the marks layer (graph-view/source-marks.ts: bars, badges and shared entities' black outlines, a
 * canvas over the diagram) paints over: the ids of the labels with any painted pixel inside their text box (the label
 * box less its 1 px backing). A label crossed by an outline reads as cut ("Genetic stabil"). Runs in the page.
 */
export async function labelsUnderMarks(page: Page, pane = 'main'): Promise<string[]> {
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate((p) => {
    type Cy = import('cytoscape').Core;
    const cy = (window as unknown as { mscAtlas: { cy: Record<string, Cy> } }).mscAtlas.cy[p]!;
    const layer = cy.container()!.querySelector<HTMLCanvasElement>('canvas.source-marks');
    if (!layer) return [];
    const ctx = layer.getContext('2d')!;
    const scale = layer.width / cy.width();
    const zoom = cy.zoom();
    const out: string[] = [];
    cy.nodes().forEach((n) => {
      const label = String(n.style('label') ?? '');
      if (!label || !n.visible() || parseFloat(n.style('text-opacity')) === 0) return;
      if (parseFloat(n.style('font-size')) * zoom < (parseFloat(n.style('min-zoomed-font-size')) || 0)) return;
      const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as never);
      const x1 = Math.max(Math.ceil((b.x1 + 2) * scale), 0);
      const y1 = Math.max(Math.ceil((b.y1 + 2) * scale), 0);
      const x2 = Math.min(Math.floor((b.x2 - 2) * scale), layer.width);
      const y2 = Math.min(Math.floor((b.y2 - 2) * scale), layer.height);
      if (x2 <= x1 || y2 <= y1) return;
      const data = ctx.getImageData(x1, y1, x2 - x1, y2 - y1).data;
      for (let i = 3; i < data.length; i += 4)
        if (data[i]! > 40) {
          out.push(n.id());
          return;
        }
    });
    return out;
  }, pane);
}
