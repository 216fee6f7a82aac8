/**
 * GraphML (http://graphml.graphdrawing.org/) for yEd, Gephi, Cytoscape and networkx.
 *
 * Every attribute is a typed `<key>`: text, integers, doubles; lists (synonyms, references…) are text joined with
 * "; ", since GraphML has no list type. Positions go two ways: `x`/`y` keys (node centres, read by Gephi and
 * networkx) and yEd's own `y:ShapeNode` with geometry, shape, colours and label, so yEd opens the drawing as we
 * laid it out. The yEd block comes before the `x`/`y` data, because networkx reads a yEd geometry into `x`/`y`
 * too (its top-left corner): written first, it is overwritten by the centres.
 */
import type { Positions } from '../layout/types.ts';
import type { Model } from '../model/types.ts';
import type { GraphView } from '../model/view.ts';
import { EDGE_COLOUR } from '../theme/kinds.ts';
import { allPositioned, checkGraph, coordinate, guard, makeEdge, makeNode, Problems, xmlRoot } from './read-common.ts';
import { KIND_STYLE, RELATION_STYLE, YED_ARROW, YED_SHAPE } from './style.ts';
import { attributes, type AttributeValue, type Attributes, type ReadEdge, type ReadNode, type ReadResult } from './types.ts';
import { GENERATOR, retractionsText, viewRecords } from './view-data.ts';
import { child, children, escapeXml, place, type XmlElement } from './xml.ts';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const YED_NS = 'http://www.yworks.com/xml/graphml';

type KeyType = 'string' | 'int' | 'double' | 'boolean';
interface Key {
  id: string;
  for: 'node' | 'edge' | 'graph';
  name: string;
  type: KeyType;
}

const KEYS: Key[] = [
  { id: 'g_name', for: 'graph', name: 'name', type: 'string' },
  { id: 'g_description', for: 'graph', name: 'description', type: 'string' },
  { id: 'g_source', for: 'graph', name: 'source', type: 'string' },
  { id: 'g_doi', for: 'graph', name: 'doi', type: 'string' },
  { id: 'g_licence', for: 'graph', name: 'licence', type: 'string' },
  { id: 'g_generated_by', for: 'graph', name: 'generated_by', type: 'string' },
  { id: 'g_retractions', for: 'graph', name: 'retractions', type: 'string' },
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  { id: 'n_full_name', for: 'node', name: 'full_name', type: 'string' },
  { id: 'n_kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'n_synonyms', for: 'node', name: 'synonyms', type: 'string' },
  { id: 'n_xrefs', for: 'node', name: 'xrefs', type: 'string' },
  { id: 'n_represents', for: 'node', name: 'represents', type: 'string' },
  { id: 'n_msc_sources', for: 'node', name: 'msc_sources', type: 'string' },
  { id: 'n_x', for: 'node', name: 'x', type: 'double' },
  { id: 'n_y', for: 'node', name: 'y', type: 'double' },
  { id: 'n_width', for: 'node', name: 'width', type: 'double' },
  { id: 'n_height', for: 'node', name: 'height', type: 'double' },
  { id: 'e_interaction', for: 'edge', name: 'interaction', type: 'string' },
  { id: 'e_sign', for: 'edge', name: 'sign', type: 'string' },
  { id: 'e_refs', for: 'edge', name: 'refs', type: 'string' },
  { id: 'e_ref_count', for: 'edge', name: 'ref_count', type: 'int' },
  { id: 'e_retracted_refs', for: 'edge', name: 'retracted_refs', type: 'string' },
  { id: 'e_retracted_only', for: 'edge', name: 'retracted_only', type: 'boolean' },
  { id: 'e_msc_sources', for: 'edge', name: 'msc_sources', type: 'string' },
  { id: 'e_figures', for: 'edge', name: 'figures', type: 'string' },
  { id: 'e_notes', for: 'edge', name: 'notes', type: 'string' },
];

const LIST_SEPARATOR = '; ';

export function write(view: GraphView, positions: Positions, model: Model): string {
  const r = viewRecords(model, view, positions);
  const data = (key: string, value: string | number) => `<data key="${key}">${escapeXml(String(value))}</data>`;
  const list = (items: readonly (string | number)[]) => items.join(LIST_SEPARATOR);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<graphml xmlns="${GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="${YED_NS}" xsi:schemaLocation="${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
  );
  for (const k of KEYS) out.push(`  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`);
  out.push('  <key id="n_yed" for="node" yfiles.type="nodegraphics"/>');
  out.push('  <key id="e_yed" for="edge" yfiles.type="edgegraphics"/>');
  out.push('  <graph id="G" edgedefault="directed">');
  out.push(`    ${data('g_name', r.title)}`);
  if (r.description) out.push(`    ${data('g_description', r.description)}`);
  out.push(`    ${data('g_source', r.citation)}`);
  out.push(`    ${data('g_doi', r.doi)}`);
  out.push(`    ${data('g_licence', r.licence)}`);
  out.push(`    ${data('g_generated_by', GENERATOR)}`);
  if (r.retractions.length) out.push(`    ${data('g_retractions', retractionsText(r))}`);
  for (const n of r.nodes) {
    const k = KIND_STYLE[n.kind];
    out.push(`    <node id="${escapeXml(n.id)}">`);
    out.push(
      `      <data key="n_yed"><y:ShapeNode><y:Geometry x="${n.x - n.width / 2}" y="${n.y - n.height / 2}" width="${n.width}" height="${n.height}"/><y:Fill color="${k.fill.toUpperCase()}" transparent="false"/><y:BorderStyle color="${k.border.toUpperCase()}" type="${k.borderStyle === 'dashed' ? 'dashed' : 'line'}" width="${k.borderWidth}"/><y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="${k.bold ? 'bold' : 'plain'}" modelName="internal" modelPosition="c" textColor="#1A1A1A" visible="true">${escapeXml(n.label)}</y:NodeLabel><y:Shape type="${YED_SHAPE[k.shape]}"/></y:ShapeNode></data>`,
    );
    out.push(`      ${data('n_label', n.label)}`);
    out.push(`      ${data('n_full_name', n.fullName)}`);
    out.push(`      ${data('n_kind', n.kind)}`);
    if (n.synonyms.length) out.push(`      ${data('n_synonyms', list(n.synonyms))}`);
    if (n.xrefs.length) out.push(`      ${data('n_xrefs', list(n.xrefs))}`);
    if (n.represents) out.push(`      ${data('n_represents', n.represents)}`);
    if (n.mscSources.length) out.push(`      ${data('n_msc_sources', list(n.mscSources))}`);
    out.push(`      ${data('n_x', n.x)}`);
    out.push(`      ${data('n_y', n.y)}`);
    out.push(`      ${data('n_width', n.width)}`);
    out.push(`      ${data('n_height', n.height)}`);
    out.push('    </node>');
  }
  for (const e of r.edges) {
    const s = RELATION_STYLE[e.relation];
    // yEd draws the layout's bends (the route's inner points; its ends are on the node borders).
    const route = positions.edges[e.id] ?? [];
    const path = route.length > 2 ? `<y:Path sx="0" sy="0" tx="0" ty="0">${route.slice(1, -1).map((p) => `<y:Point x="${p.x}" y="${p.y}"/>`).join('')}</y:Path>` : '';
    out.push(`    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">`);
    out.push(
      `      <data key="e_yed"><y:PolyLineEdge>${path}<y:LineStyle color="${EDGE_COLOUR.toUpperCase()}" type="${s.line === 'solid' ? 'line' : s.line}" width="1.5"/><y:Arrows source="none" target="${YED_ARROW[s.arrow]}"/><y:BendStyle smoothed="false"/></y:PolyLineEdge></data>`,
    );
    out.push(`      ${data('e_interaction', e.relation)}`);
    out.push(`      ${data('e_sign', e.sign)}`);
    out.push(`      ${data('e_refs', list(e.refs))}`);
    out.push(`      ${data('e_ref_count', e.refs.length)}`);
    if (e.retractedRefs.length) out.push(`      ${data('e_retracted_refs', list(e.retractedRefs))}`);
    out.push(`      ${data('e_retracted_only', String(e.retractedOnly))}`);
    if (e.mscSources.length) out.push(`      ${data('e_msc_sources', list(e.mscSources))}`);
    if (e.figures.length) out.push(`      ${data('e_figures', list(e.figures))}`);
    if (e.notes.length) out.push(`      ${data('e_notes', list(e.notes))}`);
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Reading

interface KeyDef {
  name: string;
  type: string;
  for: string;
  default?: string;
  yfiles?: string;
}

function typed(text: string, type: string): AttributeValue | undefined {
  const t = text.trim();
  switch (type) {
    case 'int':
    case 'long':
    case 'float':
    case 'double': {
      if (t === '') return undefined;
      const n = Number(t);
      return Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      return t.toLowerCase() === 'true' ? true : t.toLowerCase() === 'false' ? false : text;
    default:
      return text;
  }
}

/** yEd node graphics: label text and geometry centre. */
function yedNode(el: XmlElement): { label?: string; centre?: { x: number; y: number } } {
  const shape = el.children.find((c) => c.ns === YED_NS && /Node$/.test(c.name));
  if (!shape) return {};
  const out: { label?: string; centre?: { x: number; y: number } } = {};
  const label = child(shape, 'NodeLabel');
  if (label?.text.trim()) out.label = label.text.trim();
  const g = child(shape, 'Geometry');
  if (g) {
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(g.attrs.get(a) ?? 'NaN')) as [number, number, number, number];
    if ([x, y, w, h].every(Number.isFinite)) out.centre = { x: x + w / 2, y: y + h / 2 };
  }
  return out;
}

/**
 * A GraphML file: keys, the first `<graph>`, its nodes and edges. Positions come from numeric `x`/`y` attributes
 * (Gephi, networkx, ours) or else from yEd's node geometry; labels from a `label`/`name` attribute or yEd's
 * node label. Nested graphs, hyperedges and ports are not read.
 */
export function read(text: string): ReadResult {
  const problems = new Problems();
  return guard(problems, () => {
    const doc = xmlRoot(text, 'graphml', problems);
    if ('result' in doc) return doc.result;
    const root = doc.root;
    const at = (el: XmlElement, reason: string) => problems.add(place(el), reason, el);
    const keys = new Map<string, KeyDef>();
    for (const k of children(root, 'key')) {
      const id = k.attrs.get('id');
      if (!id) {
        at(k, 'a <key> needs an id');
        continue;
      }
      const def = child(k, 'default');
      keys.set(id, {
        name: k.attrs.get('attr.name') ?? id,
        type: k.attrs.get('attr.type') ?? 'string',
        for: k.attrs.get('for') ?? 'all',
        ...(def ? { default: def.text } : {}),
        ...(k.attrs.get('yfiles.type') ? { yfiles: k.attrs.get('yfiles.type')! } : {}),
      });
    }
    const graph = child(root, 'graph');
    if (!graph) {
      at(root, 'the file has no <graph>');
      return { problems: problems.list };
    }

    const readData = (el: XmlElement, kind: 'node' | 'edge' | 'graph'): { attrs: Attributes; yed?: XmlElement } => {
      const attrs = attributes();
      for (const [, k] of keys) {
        if ((k.for === kind || k.for === 'all') && k.default !== undefined && !k.yfiles) {
          const v = typed(k.default, k.type);
          if (v !== undefined) attrs[k.name] = v;
        }
      }
      let yed: XmlElement | undefined;
      for (const d of children(el, 'data')) {
        const keyId = d.attrs.get('key') ?? '';
        const k = keys.get(keyId);
        if (!k) {
          at(d, `<data key="${keyId}"> names no <key>`);
          continue;
        }
        if (d.children.length) {
          if (k.yfiles || d.children.some((c) => c.ns === YED_NS)) yed = d;
          continue;
        }
        const v = typed(d.text, k.type);
        if (v !== undefined) attrs[k.name] = v;
      }
      return yed ? { attrs, yed } : { attrs };
    };

    const graphAttrs = readData(graph, 'graph').attrs;
    const nodes: ReadNode[] = [];
    const nodeEls: XmlElement[] = [];
    for (const n of children(graph, 'node')) {
      const id = n.attrs.get('id');
      if (!id) {
        at(n, 'a <node> needs an id');
        continue;
      }
      const { attrs, yed } = readData(n, 'node');
      const y = yed ? yedNode(yed) : {};
      if (y.label && attrs.label === undefined && attrs.name === undefined) attrs.label = y.label;
      let position: { x: number; y: number } | undefined;
      if (attrs.x !== undefined || attrs.y !== undefined) {
        const x = coordinate(attrs.x);
        const yy = coordinate(attrs.y);
        if (typeof x === 'string') at(n, `node "${id}": x ${x}`);
        else if (typeof yy === 'string') at(n, `node "${id}": y ${yy}`);
        else position = { x, y: yy };
      } else if (y.centre) {
        const x = coordinate(y.centre.x);
        const yy = coordinate(y.centre.y);
        if (typeof x === 'number' && typeof yy === 'number') position = { x, y: yy };
      }
      nodes.push(makeNode(id, attrs, position));
      nodeEls.push(n);
    }
    const edges: ReadEdge[] = [];
    const edgeEls: XmlElement[] = [];
    const used = new Set<string>();
    for (const e of children(graph, 'edge')) {
      const source = e.attrs.get('source');
      const target = e.attrs.get('target');
      if (!source || !target) {
        at(e, 'an <edge> needs source and target');
        continue;
      }
      let id = e.attrs.get('id');
      if (!id) {
        let n = edges.length;
        while (used.has(`e${n}`)) n++;
        id = `e${n}`;
      }
      used.add(id);
      edges.push(makeEdge(id, source, target, readData(e, 'edge').attrs));
      edgeEls.push(e);
    }
    checkGraph(nodes, edges, {
      empty: () => at(graph, 'the graph has no nodes'),
      node: (i, _f, reason) => at(nodeEls[i]!, reason),
      edge: (i, _f, reason) => at(edgeEls[i]!, reason),
    });
    const title = typeof graphAttrs.name === 'string' && graphAttrs.name.trim() ? graphAttrs.name.trim() : undefined;
    return { graph: { format: 'graphml', ...(title ? { title } : {}), nodes, edges, hasPositions: allPositioned(nodes), attributes: graphAttrs } };
  });
}
