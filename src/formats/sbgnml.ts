/**
 * SBGN-ML 0.3, activity flow (AF) language (https://sbgn.github.io/; schema: libsbgn resources/SBGN.xsd), for
 * Newt, MINERVA and other SBGN tools; `read` reads their files as a plain network.
 *
 * Our relations already follow SBGN AF: an increase is a positive influence, a decrease a negative influence,
 * everything else (secretes, delivers, regulates…) an unknown influence; the exact relation and its references
 * stay in the arc's notes. Entities become AF nodes:
 * - outcomes, cellular processes, MSC properties and open problems: phenotypes;
 * - interventions: perturbations;
 * - everything else: biological activities, each with the unit of information AF requires, naming what kind of
 *   entity it is (macromolecule, nucleic acid feature for miRNAs, simple chemical for ChEBI compounds,
 *   unspecified entity for cells, vesicles and sites).
 */
import type { Positions } from '../layout/types.ts';
import type { EntityKind } from '../model/schema.ts';
import type { Model } from '../model/types.ts';
import type { GraphView } from '../model/view.ts';
import { GENERATOR, retractionsText, viewRecords, type EdgeRecord, type NodeRecord } from './view-data.ts';
import { allPositioned, checkGraph, coordinate, guard, makeEdge, makeNode, Problems, xmlRoot } from './read-common.ts';
import { attributes, type ReadEdge, type ReadNode, type ReadResult } from './types.ts';
import { child, children, escapeXml, place, type XmlElement } from './xml.ts';

export const SBGN_NS = 'http://sbgn.org/libsbgn/0.3';
export const AF_VERSION = 'http://identifiers.org/combine.specifications/sbgn.af.level-1.version-1.2';

export type AfNodeClass = 'biological activity' | 'phenotype' | 'perturbation';
export type AfEntity = 'unspecified entity' | 'simple chemical' | 'macromolecule' | 'nucleic acid feature' | 'complex' | 'perturbation';
export type AfArcClass = 'positive influence' | 'negative influence' | 'unknown influence';

const PHENOTYPES: ReadonlySet<EntityKind> = new Set<EntityKind>(['ovarian-outcome', 'cellular-process', 'msc-property', 'challenge']);

export function afClass(kind: EntityKind): AfNodeClass {
  if (PHENOTYPES.has(kind)) return 'phenotype';
  if (kind === 'intervention') return 'perturbation';
  return 'biological activity';
}

export function afEntity(node: Pick<NodeRecord, 'kind' | 'xrefs'>): AfEntity {
  if (node.kind === 'mirna') return 'nucleic acid feature';
  if (node.xrefs.some((x) => x.startsWith('CHEBI:'))) return 'simple chemical';
  if (node.xrefs.some((x) => x.startsWith('HGNC:') || x.startsWith('UniProt:'))) return 'macromolecule';
  switch (node.kind) {
    case 'gene-or-protein':
    case 'secreted-factor':
    case 'cytokine':
    case 'marker':
    case 'hormone':
      return 'macromolecule';
    default:
      return 'unspecified entity';
  }
}

export const ARC_CLASS = { increase: 'positive influence', decrease: 'negative influence', neutral: 'unknown influence' } as const satisfies Record<string, AfArcClass>;

/** XML ids must be NCNames: our ids may start with a digit, edge ids hold "~". */
const glyphId = (id: string) => `g-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;

const f = (n: number) => String(Math.round(n * 100) / 100);

/** Where the line from a box's centre towards (tx, ty) leaves the box. */
function border(n: { x: number; y: number; width: number; height: number }, tx: number, ty: number): { x: number; y: number } {
  const dx = tx - n.x;
  const dy = ty - n.y;
  if (dx === 0 && dy === 0) return { x: n.x, y: n.y };
  const sx = dx === 0 ? Infinity : n.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : n.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: n.x + dx * s, y: n.y + dy * s };
}

/**
 * An arc's references for its notes, retracted ones marked: "56, 59 (retracted)", and, when the statement rests
 * on retracted work alone, "57 (retracted); every reference of this statement has been retracted".
 */
export function arcReferences(e: Pick<EdgeRecord, 'refs' | 'retractedRefs' | 'retractedOnly'>): string {
  const list = e.refs.map((n) => (e.retractedRefs.includes(n) ? `${n} (retracted)` : String(n))).join(', ');
  return e.retractedOnly ? `${list}; every reference of this statement has been retracted` : list;
}

const notes = (text: string) => `<notes><html:body xmlns:html="http://www.w3.org/1999/xhtml">${escapeXml(text)}</html:body></notes>`;

export function write(view: GraphView, positions: Positions, model: Model): string {
  const r = viewRecords(model, view, positions);
  const byId = new Map(r.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<sbgn xmlns="${SBGN_NS}">`);
  out.push(`  <map id="map-1" language="activity flow" version="${AF_VERSION}">`);
  const retractions = r.retractions.length ? ` ${retractionsText(r)}` : '';
  out.push(`    ${notes(`${r.title}. ${r.description ? `${r.description} ` : ''}From ${r.citation} (${r.licence}).${retractions} Written by ${GENERATOR}.`)}`);
  for (const n of r.nodes) {
    const cls = afClass(n.kind);
    const id = glyphId(n.id);
    const x0 = n.x - n.width / 2;
    const y0 = n.y - n.height / 2;
    const about = [n.fullName !== n.label ? n.fullName : '', n.xrefs.join(', '), n.synonyms.length ? `also: ${n.synonyms.join(', ')}` : ''].filter(Boolean).join('; ');
    out.push(`    <glyph class="${cls}" id="${id}">`);
    if (about) out.push(`      ${notes(about)}`);
    out.push(`      <label text="${escapeXml(n.label)}"/>`);
    out.push(`      <bbox x="${f(x0)}" y="${f(y0)}" w="${f(n.width)}" h="${f(n.height)}"/>`);
    if (cls === 'biological activity') {
      // The unit of information sits on the top edge, at the left, as in the AF reference card.
      out.push(`      <glyph class="unit of information" id="${id}-uoi">`);
      out.push(`        <entity name="${afEntity(n)}"/>`);
      out.push(`        <bbox x="${f(x0 + 6)}" y="${f(y0 - 7)}" w="24" h="14"/>`);
      out.push('      </glyph>');
    }
    out.push('    </glyph>');
  }
  r.edges.forEach((e, i) => {
    const s = byId.get(e.source)!;
    const t = byId.get(e.target)!;
    // The layout's route: start on the source's border, bends, end on the target's border (src/layout/types.ts).
    const route = positions.edges[e.id] ?? [];
    const bends = route.length >= 2 ? route.slice(1, -1) : [];
    const start = route.length >= 2 ? route[0]! : border(s, t.x, t.y);
    const end = route.length >= 2 ? route[route.length - 1]! : border(t, s.x, s.y);
    out.push(`    <arc class="${ARC_CLASS[e.sign]}" id="a-${i + 1}" source="${glyphId(e.source)}" target="${glyphId(e.target)}">`);
    out.push(`      ${notes(`${e.name}. References: ${arcReferences(e)}.${e.notes.length ? ` ${e.notes.join(' ')}` : ''}`)}`);
    out.push(`      <start x="${f(start.x)}" y="${f(start.y)}"/>`);
    for (const b of bends) out.push(`      <next x="${f(b.x)}" y="${f(b.y)}"/>`);
    out.push(`      <end x="${f(end.x)}" y="${f(end.y)}"/>`);
    out.push('    </arc>');
  });
  out.push('  </map>');
  out.push('</sbgn>');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** Glyph classes that are not entities of the network: containers and notes. */
const NOT_NODES = new Set(['compartment', 'annotation']);

/**
 * An SBGN-ML file (0.2 or 0.3; activity flow, or process description read as a plain network): the first map's
 * top-level glyphs become nodes (compartments are left out), labelled by their label and placed at the centre of
 * their bounding box; arcs become edges, with an arc that ends on a port or a child glyph (a submap's terminal)
 * attached to the glyph that holds it. Arc classes are kept as the interaction (AF's positive, negative and
 * unknown influence read as promotes, inhibits and regulates).
 */
export function read(text: string): ReadResult {
  const problems = new Problems();
  return guard(problems, () => {
    const doc = xmlRoot(text, 'sbgn', problems);
    if ('result' in doc) return doc.result;
    const root = doc.root;
    const at = (el: XmlElement, reason: string) => problems.add(place(el), reason, el);
    const map = child(root, 'map');
    if (!map) {
      at(root, 'the file has no <map>');
      return { problems: problems.list };
    }
    const owner = new Map<string, string>();
    const claim = (el: XmlElement, top: string) => {
      const id = el.attrs.get('id');
      if (id && !owner.has(id)) owner.set(id, top);
      for (const c of el.children) if (c.name === 'glyph' || c.name === 'port') claim(c, top);
    };
    const nodes: ReadNode[] = [];
    const nodeEls: XmlElement[] = [];
    for (const g of children(map, 'glyph')) {
      const id = g.attrs.get('id');
      const cls = g.attrs.get('class') ?? '';
      if (!id) {
        at(g, 'a <glyph> needs an id');
        continue;
      }
      if (NOT_NODES.has(cls)) continue;
      claim(g, id);
      const attrs = attributes();
      attrs.sbgn_class = cls;
      const label = child(g, 'label')?.attrs.get('text')?.trim();
      if (label) attrs.label = label;
      const uoi = children(g, 'glyph').find((c) => c.attrs.get('class') === 'unit of information');
      const entity = uoi ? child(uoi, 'entity')?.attrs.get('name') : undefined;
      if (entity) attrs.sbgn_entity = entity;
      let position: { x: number; y: number } | undefined;
      const bbox = child(g, 'bbox');
      if (bbox) {
        const [x, y, w, h] = ['x', 'y', 'w', 'h'].map((k) => Number(bbox.attrs.get(k) ?? 'NaN')) as [number, number, number, number];
        const cx = coordinate(x + w / 2);
        const cy = coordinate(y + h / 2);
        if (typeof cx === 'string' || typeof cy === 'string') at(bbox, `the bounding box of "${id}" needs finite x, y, w and h`);
        else position = { x: cx, y: cy };
      } else at(g, `glyph "${id}" has no <bbox>`);
      nodes.push(makeNode(id, attrs, position));
      nodeEls.push(g);
    }
    const edges: ReadEdge[] = [];
    const edgeEls: XmlElement[] = [];
    const used = new Set<string>();
    for (const a of children(map, 'arc')) {
      const source = a.attrs.get('source');
      const target = a.attrs.get('target');
      if (!source || !target) {
        at(a, 'an <arc> needs source and target');
        continue;
      }
      let id = a.attrs.get('id') ?? `arc${edges.length}`;
      for (let n = 2; used.has(id); n++) id = `${a.attrs.get('id') ?? 'arc'}#${n}`;
      used.add(id);
      const attrs = attributes();
      const cls = a.attrs.get('class');
      if (cls) attrs.sbgn_class = cls;
      edges.push(makeEdge(id, owner.get(source) ?? source, owner.get(target) ?? target, attrs, cls));
      edgeEls.push(a);
    }
    checkGraph(nodes, edges, {
      empty: () => at(map, 'the map has no glyphs'),
      node: (i, _f, reason) => at(nodeEls[i]!, reason),
      edge: (i, _f, reason) => at(edgeEls[i]!, reason.replace('is not a node of the file', 'is not a glyph of the map (or is a compartment)')),
    });
    return { graph: { format: 'sbgnml', nodes, edges, hasPositions: allPositioned(nodes), attributes: attributes() } };
  });
}
