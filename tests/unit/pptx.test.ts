/**
 * Slides: the .pptx package unzipped (JSZip) and its slide read as XML (fast-xml-parser), independent of the
 * writer: one shape per node, one connector per edge, glued to the right shapes, text as text.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportContent, type PaneInput } from '../../src/export/content.ts';
import { renderPptx } from '../../src/export/pptx.ts';
import { RELATION_STYLE } from '../../src/theme/kinds.ts';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import type { Model } from '../../src/model/types.ts';
import { atlasView, figureView, type GraphView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';

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

function content(m: Model, title: string, panes: PaneInput[]) {
  return exportContent(m, { title, panes, sources: [] });
}

async function check(view: GraphView, key: string, label: string) {
  const c = content(model, view.title, [{ view, positions: precomputedLayouts[key]! }]);
  const blob = await renderPptx(c);
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/${label}.pptx`, Buffer.from(await blob.arrayBuffer()));
  const s = await slideOf(blob);
  const nodes = s.shapes.filter((sp) => s.nameOf(sp).startsWith('node:'));
  expect(nodes).toHaveLength(c.panes[0]!.scene.nodes.length);
  expect(nodes).toHaveLength(view.nodes.length);
  expect(s.connectors).toHaveLength(view.edges.length);
  // Each node shape carries its label as real text, and a preset or custom outline with the kind's fill.
  const byName = new Map(nodes.map((sp) => [s.nameOf(sp), sp]));
  for (const n of view.nodes) {
    const sp = byName.get(`node:${n.id}`)!;
    expect(s.textOf(sp).replace(/\s+/g, '')).toBe(n.entity.label.replace(/\s+/g, ''));
    const geometry = (sp['p:spPr'] as Xml)['a:prstGeom'] ?? (sp['p:spPr'] as Xml)['a:custGeom'];
    expect(geometry).toBeTruthy();
  }
  // Each connector is glued to the shapes of its two nodes and ends in the legend's head.
  const idByName = new Map(nodes.map((sp) => [s.nameOf(sp), s.idOf(sp)]));
  const edgesById = new Map(view.edges.map((e) => [e.id, e]));
  for (const cx of s.connectors) {
    const nv = cx['p:nvCxnSpPr'] as Xml;
    const name = String((nv['p:cNvPr'] as Xml).name);
    const e = edgesById.get(name.replace(/^edge:/, ''))!;
    expect(e, name).toBeTruthy();
    const glue = nv['p:cNvCxnSpPr'] as Xml;
    expect(String((glue['a:stCxn'] as Xml).id)).toBe(idByName.get(`node:${e.source}`));
    expect(String((glue['a:endCxn'] as Xml).id)).toBe(idByName.get(`node:${e.target}`));
    expect(((cx['p:spPr'] as Xml)['a:prstGeom'] as Xml).prst).toBe('straightConnector1');
  }
  // 16:9 widescreen.
  expect(s.presentation).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
  // Title, legend and source line are text boxes.
  const boxes = s.shapes.filter((sp) => ((sp['p:nvSpPr'] as Xml)['p:cNvSpPr'] as Xml | undefined)?.txBox === '1').map(s.textOf);
  expect(boxes).toContain('Entities');
  expect(boxes).toContain('Relations');
  expect(boxes.some((b) => b.startsWith('Source: Fu YX'))).toBe(true);
  return { s, c };
}

describe('PowerPoint export', () => {
  it('Fig. 1: one native shape per node and one glued connector per edge, with heads from the legend', async () => {
    const view = figureView(model, 'fig1')!;
    const { s } = await check(view, 'figure:fig1', 'fig1');
    // Increases end in a triangle; inhibition bars are small shapes at the tip.
    expect(s.xml).toMatch(/<a:tailEnd type="triangle"/);
    // Bars and square heads (pretreats, assessed) are drawn as shapes; the others are line ends.
    const drawnHeads = view.edges.filter((e) => ['tee', 'square'].includes(RELATION_STYLE[e.relation].arrow));
    expect(drawnHeads.length).toBeGreaterThan(5);
    expect(s.shapes.filter((sp) => s.nameOf(sp).startsWith('head:'))).toHaveLength(drawnHeads.length);
  });

  it('the atlas, every node and edge', async () => {
    await check(atlasView(model), 'atlas', 'atlas');
  });

  it('keeps markup in labels as text', async () => {
    const view = figureView(model, 'fig1')!;
    const evil = { ...view, nodes: view.nodes.map((n, i) => (i === 0 ? { ...n, entity: { ...n.entity, label: '<b>x</b>&"\'' } } : n)) };
    const blob = await renderPptx(content(model, '<script>alert(1)</script>', [{ view: evil, positions: precomputedLayouts['figure:fig1']! }]));
    const s = await slideOf(blob);
    expect(s.xml).not.toContain('<script>');
    expect(s.xml).not.toContain('<b>');
    expect(s.shapes.map(s.textOf).join('\n')).toContain('<script>alert(1)</script>');
  });
});
