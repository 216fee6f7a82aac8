/**
 * SBGN-ML 0.3, activity flow (AF) language (https://sbgn.github.io/; schema: libsbgn resources/SBGN.xsd), for
 * Newt, MINERVA and other SBGN tools. Export only.
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
import { GENERATOR, viewRecords, type NodeRecord } from './view-data.ts';
import { escapeXml } from './xml.ts';

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

const notes = (text: string) => `<notes><html:body xmlns:html="http://www.w3.org/1999/xhtml">${escapeXml(text)}</html:body></notes>`;

export function write(view: GraphView, positions: Positions, model: Model): string {
  const r = viewRecords(model, view, positions);
  const byId = new Map(r.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<sbgn xmlns="${SBGN_NS}">`);
  out.push(`  <map id="map-1" language="activity flow" version="${AF_VERSION}">`);
  out.push(`    ${notes(`${r.title}. ${r.description ? `${r.description} ` : ''}From ${r.citation} (${r.licence}). Written by ${GENERATOR}.`)}`);
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
    out.push(`      ${notes(`${e.name}. References: ${e.refs.join(', ')}.${e.notes.length ? ` ${e.notes.join(' ')}` : ''}`)}`);
    out.push(`      <start x="${f(start.x)}" y="${f(start.y)}"/>`);
    for (const b of bends) out.push(`      <next x="${f(b.x)}" y="${f(b.y)}"/>`);
    out.push(`      <end x="${f(end.x)}" y="${f(end.y)}"/>`);
    out.push('    </arc>');
  });
  out.push('  </map>');
  out.push('</sbgn>');
  return `${out.join('\n')}\n`;
}
