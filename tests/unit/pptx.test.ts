/**
 * Slides: the .pptx package unzipped (JSZip) and its slide read as XML (fast-xml-parser), independent of the
 * writer: one shape per node, one connector per edge, glued to the right shapes, following the drawn route, with
 * the legend's heads, text as text. Every XML part of the package is checked by xmllint against the ECMA-376
 * schemas (tests/fixtures/ooxml).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportContent, type PaneInput } from '../../src/export/content.ts';
import { renderPptx, type EdgeForm } from '../../src/export/pptx.ts';
import { RELATION_STYLE, type ArrowShape } from '../../src/theme/kinds.ts';
import type { Scene } from '../../src/export/scene.ts';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import type { Model } from '../../src/model/types.ts';
import type { Relation } from '../../src/model/schema.ts';
import { atlasView, figureView, type GraphView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';
import { validatePackage } from '../helpers/ooxml.ts';

const model = shippedModel();

type Xml = Record<string, unknown>;
const list = (v: unknown): Xml[] => (v === undefined ? [] : Array.isArray(v) ? (v as Xml[]) : [v as Xml]);

async function slideOf(blob: Blob) {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  const names = Object.keys(zip.files);
  const xml = await zip.file('ppt/slides/slide1.xml')!.async('string');
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Xml;
  const tree = ((doc['p:sld'] as Xml)['p:cSld'] as Xml)['p:spTree'] as Xml;
  const shapes = list(tree['p:sp']);
  const connectors = list(tree['p:cxnSp']);
  const nameOf = (sp: Xml) => (((sp['p:nvSpPr'] as Xml)['p:cNvPr'] as Xml).name as string) ?? '';
  const idOf = (sp: Xml) => String(((sp['p:nvSpPr'] as Xml)['p:cNvPr'] as Xml).id);
  const textOf = (sp: Xml) =>
    list((sp['p:txBody'] as Xml | undefined)?.['a:p'])
      .flatMap((p) => list(p['a:r']).map((r) => String(r['a:t'] ?? '')))
      .join('\n');
  const presentation = await zip.file('ppt/presentation.xml')!.async('string');
  return { names, xml, shapes, connectors, nameOf, idOf, textOf, presentation };
}

/** xmllint's verdict on every XML part of the package: [part, errors] for each part that fails. */
async function schemaErrors(blob: Blob): Promise<[string, string][]> {
  const verdict = await validatePackage(await blob.arrayBuffer());
  expect(verdict.unmapped, 'parts with no schema known').toEqual([]);
  expect(verdict.parts.length).toBeGreaterThan(15);
  return verdict.failed;
}

/** The heads PowerPoint can draw as line ends, as the legend draws them: filled, not open. */
const NATIVE: Partial<Record<ArrowShape, string>> = { triangle: 'triangle', vee: 'stealth', chevron: 'stealth', circle: 'oval', diamond: 'diamond' };
const EMU_PER_IN = 914400;

function content(m: Model, title: string, panes: PaneInput[]) {
  return exportContent(m, { title, panes, sources: [] });
}

/** A shape's box on the slide, in EMU. */
function box(sp: Xml) {
  const xfrm = (sp['p:spPr'] as Xml)['a:xfrm'] as Xml;
  const off = xfrm['a:off'] as Xml;
  const ext = xfrm['a:ext'] as Xml;
  return { x: Number(off.x), y: Number(off.y), w: Number(ext.cx), h: Number(ext.cy), flipH: xfrm.flipH === '1', flipV: xfrm.flipV === '1' };
}

/** The points an edge's line runs through on the slide (EMU): a custom path, or a straight connector's two ends. */
function linePoints(sp: Xml): { x: number; y: number }[] {
  const b = box(sp);
  const geom = (sp['p:spPr'] as Xml)['a:custGeom'] as Xml | undefined;
  if (!geom) {
    const [x1, x2] = b.flipH ? [b.x + b.w, b.x] : [b.x, b.x + b.w];
    const [y1, y2] = b.flipV ? [b.y + b.h, b.y] : [b.y, b.y + b.h];
    return [{ x: x1, y: y1 }, { x: x2, y: y2 }];
  }
  const path = (geom['a:pathLst'] as Xml)['a:path'] as Xml;
  return [path['a:moveTo'] as Xml, ...list(path['a:lnTo'])].map((m) => m['a:pt'] as Xml).map((pt) => ({ x: b.x + Number(pt.x), y: b.y + Number(pt.y) }));
}

/**
 * The edge's line, placed on the slide, runs through the scene's route as the PNG and SVG draw it (start, bends,
 * end; a straight connector: start and end). The scene-to-slide scale and offset are read back from the node
 * shapes, not taken from the writer.
 */
function followsRoute(line: Xml, edgeId: string, scene: Scene, nodes: Xml[], nameOf: (sp: Xml) => string, form: EdgeForm) {
  // Two nodes far apart give the map from scene to slide (EMU): x' = ax + k x.
  const placed = scene.nodes.map((n) => ({ n, b: box(nodes.find((sp) => nameOf(sp) === `node:${n.id}`)!) }));
  const [p, q] = [placed[0]!, placed.reduce((a, b) => (Math.abs(b.n.x - placed[0]!.n.x) > Math.abs(a.n.x - placed[0]!.n.x) ? b : a))];
  const k = (q.b.x + q.b.w / 2 - (p.b.x + p.b.w / 2)) / (q.n.x - p.n.x);
  const ax = p.b.x + p.b.w / 2 - k * p.n.x;
  const ay = p.b.y + p.b.h / 2 - k * p.n.y;
  const edge = scene.edges.find((e) => e.id === edgeId)!;
  const style = RELATION_STYLE[edge.relation as Relation];
  const wantNative = !style.hollow && NATIVE[style.arrow];
  const route = form === 'drawn' ? edge.points : [edge.points[0]!, edge.points.at(-1)!];
  const want = [...route.slice(0, -1), wantNative ? edge.tip : route.at(-1)!];
  const pts = linePoints(line);
  expect(pts.length, `${edgeId}: points of the route`).toBe(want.length);
  // Within a quarter of a scene pixel (node boxes are rounded to whole EMU, so k is good to ~1e-5).
  const tol = Math.abs(k) * 0.25;
  want.forEach((w, i) => {
    expect(Math.abs(pts[i]!.x - (ax + k * w.x)), `${edgeId} point ${i} x`).toBeLessThan(tol);
    expect(Math.abs(pts[i]!.y - (ay + k * w.y)), `${edgeId} point ${i} y`).toBeLessThan(tol);
  });
  expect(k).toBeGreaterThan((0.05 * EMU_PER_IN) / 96);
}

async function check(view: GraphView, key: string, label: string, form: EdgeForm = 'drawn') {
  const c = content(model, view.title, [{ view, positions: precomputedLayouts[key]! }]);
  const blob = await renderPptx(c, form);
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/${label}.pptx`, Buffer.from(await blob.arrayBuffer()));
  const s = await slideOf(blob);
  const nodes = s.shapes.filter((sp) => s.nameOf(sp).startsWith('node:'));
  expect(nodes).toHaveLength(c.panes[0]!.scene.nodes.length);
  expect(nodes).toHaveLength(view.nodes.length);
  // One line per edge: a connector, or a custom path named after the edge.
  const lines = form === 'connectors' ? s.connectors : s.shapes.filter((sp) => s.nameOf(sp).startsWith('edge:'));
  expect(lines).toHaveLength(view.edges.length);
  expect(form === 'connectors' ? s.shapes.filter((sp) => s.nameOf(sp).startsWith('edge:')) : s.connectors).toHaveLength(0);
  // Each node shape carries its label as real text, and a preset or custom outline with the kind's fill.
  const byName = new Map(nodes.map((sp) => [s.nameOf(sp), sp]));
  for (const n of view.nodes) {
    const sp = byName.get(`node:${n.id}`)!;
    expect(s.textOf(sp).replace(/\s+/g, '')).toBe(n.entity.label.replace(/\s+/g, ''));
    const geometry = (sp['p:spPr'] as Xml)['a:prstGeom'] ?? (sp['p:spPr'] as Xml)['a:custGeom'];
    expect(geometry).toBeTruthy();
  }
  const idByName = new Map(nodes.map((sp) => [s.nameOf(sp), s.idOf(sp)]));
  const edgesById = new Map(view.edges.map((e) => [e.id, e]));
  for (const line of lines) {
    const nv = (line['p:nvCxnSpPr'] ?? line['p:nvSpPr']) as Xml;
    const name = String((nv['p:cNvPr'] as Xml).name);
    const e = edgesById.get(name.replace(/^edge:/, ''))!;
    expect(e, name).toBeTruthy();
    if (form === 'connectors') {
      // Glued to the shapes of its two nodes, straight.
      const glue = nv['p:cNvCxnSpPr'] as Xml;
      expect(String((glue['a:stCxn'] as Xml).id)).toBe(idByName.get(`node:${e.source}`));
      expect(String((glue['a:endCxn'] as Xml).id)).toBe(idByName.get(`node:${e.target}`));
      expect(((line['p:spPr'] as Xml)['a:prstGeom'] as Xml).prst).toBe('straightConnector1');
    }
    followsRoute(line, e.id, c.panes[0]!.scene, nodes, s.nameOf, form);
    // The legend's head: a filled head is the line's end; a bar, square or hollow head is a shape of its own,
    // white inside when hollow, and then the line has no end.
    const style = RELATION_STYLE[e.relation];
    const ln = (line['p:spPr'] as Xml)['a:ln'] as Xml;
    const tail = ln['a:tailEnd'] as Xml | undefined;
    const native = style.hollow ? undefined : NATIVE[style.arrow];
    expect(tail?.type, `${e.id} (${e.relation})`).toBe(native);
    const head = s.shapes.find((sp) => s.nameOf(sp) === `head:${e.id}`);
    expect(Boolean(head), `${e.id} (${e.relation}) head shape`).toBe(!native);
    if (head && style.hollow) expect((((head['p:spPr'] as Xml)['a:solidFill'] as Xml)['a:srgbClr'] as Xml).val).toBe('FFFFFF');
  }
  // 16:9 widescreen.
  expect(s.presentation).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
  // Title, legend and source line are text boxes.
  const boxes = s.shapes.filter((sp) => ((sp['p:nvSpPr'] as Xml)['p:cNvSpPr'] as Xml | undefined)?.txBox === '1').map(s.textOf);
  expect(boxes).toContain('Entities');
  expect(boxes).toContain('Relations');
  expect(boxes.some((b) => b.startsWith('Source: Fu YX'))).toBe(true);
  // Every part is valid against the ECMA-376 schemas.
  expect(await schemaErrors(blob)).toEqual([]);
  return { s, c };
}

describe('PowerPoint export', () => {
  it('Fig. 1: one native shape per node and one line per edge along its drawn route, with heads from the legend', async () => {
    const view = figureView(model, 'fig1')!;
    const { s, c } = await check(view, 'figure:fig1', 'fig1');
    // Increases end in a triangle; inhibition bars are small shapes at the tip.
    expect(s.xml).toMatch(/<a:tailEnd type="triangle"/);
    // Bars, squares and hollow heads (regulates, has property, part of, assessed) are drawn as shapes.
    const drawnHeads = view.edges.filter((e) => RELATION_STYLE[e.relation].hollow || ['tee', 'square'].includes(RELATION_STYLE[e.relation].arrow));
    expect(drawnHeads.length).toBeGreaterThan(5);
    expect(drawnHeads.some((e) => RELATION_STYLE[e.relation].hollow)).toBe(true);
    expect(s.shapes.filter((sp) => s.nameOf(sp).startsWith('head:'))).toHaveLength(drawnHeads.length);
    // Routes with bends are kept, not straightened.
    expect(c.panes[0]!.scene.edges.some((e) => e.points.length > 2)).toBe(true);
  });

  it('Fig. 1 with glued connectors: straight, from outline to outline, with the same heads', async () => {
    const view = figureView(model, 'fig1')!;
    const { s } = await check(view, 'figure:fig1', 'fig1-connectors', 'connectors');
    expect(s.shapes.filter((sp) => s.nameOf(sp).startsWith('head:')).length).toBeGreaterThan(5);
  });

  it('the atlas, every node and edge, each along its route', async () => {
    await check(atlasView(model), 'atlas', 'atlas');
  });

  it('the atlas, every node and edge, as glued connectors', async () => {
    await check(atlasView(model), 'atlas', 'atlas-connectors', 'connectors');
  });

  it('two panes (a comparison side by side): every copy of a node its own shape, lines in both forms valid', async () => {
    const [a, b] = [figureView(model, 'fig2')!, figureView(model, 'fig3')!];
    const c = exportContent(model, {
      title: 'Fig. 2 and Fig. 3',
      panes: [
        { label: 'Left', view: a, positions: precomputedLayouts['figure:fig2']! },
        { label: 'Right', view: b, positions: precomputedLayouts['figure:fig3']! },
      ],
      sources: [],
    });
    for (const form of ['drawn', 'connectors'] as const) {
      const blob = await renderPptx(c, form);
      const s = await slideOf(blob);
      const names = s.shapes.map(s.nameOf).filter((n) => n.startsWith('node:'));
      expect(names).toHaveLength(a.nodes.length + b.nodes.length);
      expect(new Set(names).size).toBe(names.length);
      const lines = form === 'connectors' ? s.connectors : s.shapes.filter((sp) => s.nameOf(sp).startsWith('edge:'));
      expect(lines).toHaveLength(a.edges.length + b.edges.length);
      expect(await schemaErrors(blob), form).toEqual([]);
    }
  });

  it('the schema check can fail: a stray element, a slide smaller than the standard allows and an unknown part are each caught', async () => {
    const view = figureView(model, 'fig1')!;
    const blob = await renderPptx(content(model, view.title, [{ view, positions: precomputedLayouts['figure:fig1']! }]));
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
    zip.file('ppt/slides/slide1.xml', slide.replace('</p:spTree>', '<p:stray/></p:spTree>'));
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    // ST_SlideSizeCoordinate: at least 914400 EMU (1 inch).
    zip.file('ppt/presentation.xml', presentation.replace(/<p:sldSz cx="\d+"/, '<p:sldSz cx="9144"'));
    zip.file('ppt/unknown.bin', 'x');
    const verdict = await validatePackage(await zip.generateAsync({ type: 'uint8array' }));
    expect(verdict.failed.map(([part]) => part).sort()).toEqual(['ppt/presentation.xml', 'ppt/slides/slide1.xml']);
    expect(verdict.unmapped).toEqual(['ppt/unknown.bin']);
  });

  it('keeps markup in labels as text', async () => {
    const view = figureView(model, 'fig1')!;
    const evil = { ...view, nodes: view.nodes.map((n, i) => (i === 0 ? { ...n, entity: { ...n.entity, label: '<b>x</b>&"\'' } } : n)) };
    const blob = await renderPptx(content(model, '<script>alert(1)</script>', [{ view: evil, positions: precomputedLayouts['figure:fig1']! }]));
    const s = await slideOf(blob);
    expect(s.xml).not.toContain('<script>');
    expect(s.xml).not.toContain('<b>');
    expect(s.shapes.map(s.textOf).join('\n')).toContain('<script>alert(1)</script>');
    expect(await schemaErrors(blob)).toEqual([]);
  });
});
