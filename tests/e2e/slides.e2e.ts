/**
 * Slides (issue #9, point 5): every view exported on a 16:9 slide (1920 × 1080) has node labels of at least 14 px
 * and a drawing that fills at least 85 % of the free width or height; a view too big for that is laid out afresh
 * for the page and the dialog says so; the legend names every colour the drawing uses. Measured in Chromium from
 * the exported SVG itself (font size × the transform it is drawn with, the drawn box against the free box the
 * composer records on each pane), for every figure, the atlas with 1, 2, 3 and all sources, and compare pairs.
 * The PowerPoint slide shares the fitted scene: same entities, the same label size in points.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedModel } from '../helpers/model.ts';
import { openApp, SCREENSHOT_DIR, useBrowser } from './browser.ts';

const getBrowser = useBrowser();
const model = shippedModel();

interface SlideMeasure {
  panes: {
    box: number[];
    drawn: { x: number; y: number; w: number; h: number };
    fill: number;
    minLabel: number;
    labels: number;
    nodes: number;
    /** Entities drawn without a label, and those with a count badge (acted on by two or more sources). */
    unlabelled: string[];
    badged: string[];
    /** Pairs of entities whose label text boxes overlap (by more than half a px each way). */
    overlaps: string[];
  }[];
  /** Colours of the drawing's shapes (fills and strokes) that no legend swatch shows. */
  unnamed: string[];
  caption: string;
}

async function exportSvg(page: Page): Promise<{ svg: string; status: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'SVG image (vector)' }).check();
  await dialog.getByRole('combobox', { name: 'Page size' }).selectOption('slide');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  const svg = readFileSync(await download.path()).toString('utf8');
  const status = await dialog.getByRole('status').filter({ hasText: /^Saved/ }).innerText();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { svg, status };
}

async function exportPptxSlide(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'PowerPoint slide (editable shapes)' }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  await dialog.getByRole('button', { name: 'Close' }).click();
  return zip.file('ppt/slides/slide1.xml')!.async('string');
}

/** The SVG drawn at 1920 × 1080 CSS px (1 unit = 1 px of the slide), measured by the browser; a screenshot kept. */
async function measure(svg: string, name: string): Promise<SlideMeasure> {
  const viewer = await getBrowser().newPage({ viewport: { width: 1920, height: 1080 } });
  await viewer.setContent(`<!doctype html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
  const m = await viewer.evaluate(async () => {
    await document.fonts.ready;
    const root = document.querySelector('svg')!;
    root.setAttribute('width', '1920');
    root.setAttribute('height', '1080');
    const colour = (c: string | null) => (c && c !== 'none' ? c.toLowerCase() : null);
    const coloursIn = (g: Element) =>
      new Set([...g.querySelectorAll('path, rect')].flatMap((p) => [colour(p.getAttribute('fill')), colour(p.getAttribute('stroke'))]).filter((c): c is string => Boolean(c)));
    const legend = document.querySelector('g.legend');
    const named = legend ? coloursIn(legend) : new Set<string>();
    const unnamed = new Set<string>();
    const panes = [...document.querySelectorAll('g.pane')].map((g) => {
      const box = g.getAttribute('data-box')!.split(' ').map(Number);
      const rects = [...g.querySelectorAll('g.node, g.edge')].map((e) => e.getBoundingClientRect());
      const x1 = Math.min(...rects.map((r) => r.left));
      const y1 = Math.min(...rects.map((r) => r.top));
      const x2 = Math.max(...rects.map((r) => r.right));
      const y2 = Math.max(...rects.map((r) => r.bottom));
      // Node labels: the text of each node group, not the white count in a badge.
      const sizes = [...g.querySelectorAll('g.node text')]
        .filter((t) => t.getAttribute('fill')?.toLowerCase() !== '#ffffff')
        .map((t) => Number(t.getAttribute('font-size')) * (t as SVGTextElement).getScreenCTM()!.a);
      for (const c of coloursIn(g)) if (c !== '#ffffff' && !named.has(c)) unnamed.add(c);
      const nodes = [...g.querySelectorAll('g.node')];
      const labelOf = (n: Element) => [...n.querySelectorAll('text')].filter((t) => t.getAttribute('fill')?.toLowerCase() !== '#ffffff');
      const boxes = nodes
        .filter((n) => labelOf(n).length)
        .map((n) => {
          const rs = labelOf(n).map((t) => t.getBoundingClientRect());
          return { id: n.getAttribute('data-id')!, x1: Math.min(...rs.map((r) => r.left)), y1: Math.min(...rs.map((r) => r.top)), x2: Math.max(...rs.map((r) => r.right)), y2: Math.max(...rs.map((r) => r.bottom)) };
        });
      const overlaps: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5) overlaps.push(`${a.id}/${b.id}`);
        }
      return {
        box,
        drawn: { x: x1, y: y1, w: x2 - x1, h: y2 - y1 },
        fill: Math.max((x2 - x1) / box[2]!, (y2 - y1) / box[3]!),
        minLabel: Math.min(...sizes),
        labels: sizes.length,
        nodes: nodes.length,
        unlabelled: nodes.filter((n) => !labelOf(n).length).map((n) => n.getAttribute('data-id')!),
        badged: nodes.filter((n) => [...n.querySelectorAll('text')].some((t) => t.getAttribute('fill')?.toLowerCase() === '#ffffff')).map((n) => n.getAttribute('data-id')!),
        overlaps,
      };
    });
    // Title, caption and source line: the text outside panes and legend.
    const texts = [...document.querySelectorAll('svg > text')].map((t) => t.textContent ?? '');
    return { panes, unnamed: [...unnamed], caption: texts.join(' ') };
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await viewer.screenshot({ path: join(SCREENSHOT_DIR, `slide-${name.replace(/[^A-Za-z0-9]+/g, '-')}.png`) });
  await viewer.close();
  return m;
}

function checkSlide(name: string, m: SlideMeasure, overview = false) {
  expect(m.panes.length, name).toBeGreaterThan(0);
  for (const p of m.panes) {
    expect(p.nodes, `${name}: entities drawn`).toBeGreaterThan(0);
    if (!overview) expect(p.labels, `${name}: every entity labelled`).toBeGreaterThanOrEqual(p.nodes);
    else {
      // An overview: the cell sources, the shared factors (count badge) and the outcomes all labelled.
      const kind = (id: string) => model.entities.get(id)?.kind;
      expect(
        p.unlabelled.filter((id) => kind(id) === 'msc-source' || kind(id) === 'ovarian-outcome' || p.badged.includes(id)),
        `${name}: sources, shared factors and outcomes unlabelled`,
      ).toEqual([]);
      expect(p.badged.length, `${name}: shared factors drawn`).toBeGreaterThan(40);
    }
    expect(p.overlaps, `${name}: overlapping labels`).toEqual([]);
    expect(p.minLabel, `${name}: smallest node label, px of the slide`).toBeGreaterThanOrEqual(14 - 0.01);
    expect(p.fill, `${name}: share of the free width or height the drawing fills`).toBeGreaterThanOrEqual(0.85);
    // Inside its free box.
    const [bx, by, bw, bh] = p.box as [number, number, number, number];
    expect(p.drawn.x, name).toBeGreaterThanOrEqual(bx - 1);
    expect(p.drawn.y, name).toBeGreaterThanOrEqual(by - 1);
    expect(p.drawn.x + p.drawn.w, name).toBeLessThanOrEqual(bx + bw + 1);
    expect(p.drawn.y + p.drawn.h, name).toBeLessThanOrEqual(by + bh + 1);
  }
  expect(m.unnamed, `${name}: colours the legend does not name`).toEqual([]);
}

const sources = ['hbmmsc', 'humsc', 'hamsc'];
const figures = model.figures.map((f) => f.id);
const views: { name: string; query: string; relaid?: boolean; overview?: boolean }[] = [
  ...figures.map((id) => ({ name: `figure ${id}`, query: `?figure=${id}` })),
  ...[1, 2, 3].map((k) => ({ name: `atlas, ${k} source(s)`, query: `?view=atlas&sources=${sources.slice(0, k).join(',')}`, relaid: true })),
  { name: 'atlas, every source', query: '?view=atlas', relaid: true, overview: true },
  { name: 'compare hPMSC / huMSC', query: '?view=compare&left=source:hpmsc&right=source:humsc', relaid: true },
  { name: 'compare hBMMSC / hADMSC', query: '?view=compare&left=source:hbmmsc&right=source:hadmsc', relaid: true },
  { name: 'compare huMSC / hMB-MSC', query: '?view=compare&left=source:humsc&right=source:hmbmsc', relaid: true },
  { name: 'compare Fig. 2 / Fig. 3', query: '?view=compare&left=figure:fig2&right=figure:fig3', relaid: true },
  { name: 'compare hPMSC / huMSC, twin panes', query: '?view=compare&left=source:hpmsc&right=source:humsc&panes=twin', relaid: true },
];

describe('slides: readable labels, a drawing that fills the page, a legend for every colour', () => {
  for (const v of views)
    it(v.name, async () => {
      const { page } = await openApp(getBrowser(), v.query, { width: 1600, height: 1000 });
      const { svg, status } = await exportSvg(page);
      await page.close();
      const m = await measure(svg, v.name);
      checkSlide(v.name, m, v.overview);
      if (v.overview) {
        // Every entity in play is drawn, not a subset; the dialog says how it was made.
        expect(m.caption).toMatch(/Labelled: the cell sources, what two or more sources act on, and the outcomes \((\d+) of (\d+) entities\)/);
        expect(m.panes[0]!.nodes).toBe(Number(/\((\d+) of (\d+) entities\)/.exec(m.caption)![2]));
        expect(status).toMatch(/the \d+ that matter most labelled/);
      }
      // The dialog says when the drawing is not the screen's, and the slide says when entities are left out.
      if (v.relaid) expect(status).toMatch(/Laid out afresh for the page/);
      const shown = /Shown: the (\d+) most important of (\d+) entities/.exec(m.caption);
      if (shown) {
        expect(status).toMatch(new RegExp(`with the ${shown[1]} most important of the ${shown[2]} entities in play`));
        expect(m.panes[0]!.nodes).toBe(Number(shown[1]));
      } else expect(status).not.toMatch(/most important/);
      console.log(`${v.name}: min label ${Math.min(...m.panes.map((p) => p.minLabel)).toFixed(1)} px, fill ${Math.min(...m.panes.map((p) => p.fill)).toFixed(2)}, ${m.panes.reduce((s, p) => s + p.nodes, 0)} entities${shown ? ` of ${shown[2]}` : ''}${/Laid out afresh/.test(status) ? ', laid out afresh' : ''}`);
    });

  it('a figure small enough is drawn as on screen, not laid out afresh', async () => {
    const { page } = await openApp(getBrowser(), '?figure=table1', { width: 1600, height: 1000 });
    const { status } = await exportSvg(page);
    expect(status).not.toMatch(/Laid out afresh/);
    await page.close();
  });

  it('the PowerPoint slide shares the fitted drawing: the same entities, labels of at least 14 px (7 pt)', async () => {
    for (const query of ['?figure=fig5', '?view=atlas']) {
      const { page } = await openApp(getBrowser(), query, { width: 1600, height: 1000 });
      const { svg } = await exportSvg(page);
      const slide = await exportPptxSlide(page);
      await page.close();
      const svgNodes = (svg.match(/<g id="node-[^"]*" class="node"/g) ?? []).length;
      const shapes = [...slide.matchAll(/<p:sp><p:nvSpPr><p:cNvPr id="\d+" name="node:[\s\S]*?<\/p:sp>/g)].map((m) => m[0]);
      expect(shapes.length, query).toBe(svgNodes);
      // An overview's larger labels are text boxes of their own over their nodes (export/pptx.ts).
      const labels = [...slide.matchAll(/<p:sp><p:nvSpPr><p:cNvPr id="\d+" name="node label:[\s\S]*?<\/p:sp>/g)].map((m) => m[0]);
      // 14 px of a 1920 px wide, 13.333 in slide is 7 pt; run sizes are in hundredths of a point.
      const sizes = [...shapes, ...labels].flatMap((sp) => [...sp.matchAll(/<a:rPr[^>]* sz="(\d+)"/g)].map((m) => Number(m[1])));
      // Every entity labelled on a figure; on the atlas overview, its cell sources, shared factors and outcomes.
      expect(sizes.length, query).toBeGreaterThanOrEqual(query === '?view=atlas' ? 80 : svgNodes);
      expect(Math.min(...sizes), query).toBeGreaterThanOrEqual(699);
    }
  });
});
