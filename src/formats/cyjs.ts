/**
 * Cytoscape.js JSON (`.cyjs`): the format of cytoscape.js (`cy.json()`) and of Cytoscape desktop's
 * File → Import → Network from File.
 *
 * Desktop guesses a column's type from the first value it meets and makes every JSON number a Double, so
 * `refs: [30]` became a list of 30.0. Its reader (cytoscape/json-impl, CytoscapejsMapper) first reads an optional
 * root `columnTypes` that declares columns, e.g. `{ columnName: 'refs', type: 'List', listType: 'Integer' }`:
 * we declare every column, so integers stay integers and lists stay lists.
 *
 * The file also carries a cytoscape.js `style` (desktop ignores it): cytoscape.js users get our look by passing
 * the file's `style` to `cytoscape()`. Desktop users import the matching style file, `writeStyle()` (vizmap XML,
 * File → Import → Styles from File), and apply it.
 */
import type { Positions } from '../layout/types.ts';
import type { Model } from '../model/types.ts';
import type { GraphView } from '../model/view.ts';
import { allPositioned, checkGraph, coordinate, copyAttributes, guard, isObject, makeEdge, makeNode, parseJson, Problems, stripBom } from './read-common.ts';
import { DESKTOP_ARROW, DESKTOP_LINE, DESKTOP_SHAPE, KIND_STYLE, KINDS, RELATION_LIST, RELATION_STYLE } from './style.ts';
import { attributes, type ReadEdge, type ReadNode, type ReadResult } from './types.ts';
import { EDGE_COLOUR, FONT_FAMILY, NODE_FONT_SIZE } from '../theme/kinds.ts';
import { GENERATOR, retractionsText, viewRecords } from './view-data.ts';

type ColumnType = 'String' | 'Integer' | 'Double' | 'Boolean' | 'List';
interface ColumnDeclaration {
  columnName: string;
  type: ColumnType;
  listType?: Exclude<ColumnType, 'List'>;
}

const NODE_COLUMNS: ColumnDeclaration[] = [
  { columnName: 'name', type: 'String' },
  { columnName: 'shared_name', type: 'String' },
  { columnName: 'full_name', type: 'String' },
  { columnName: 'kind', type: 'String' },
  { columnName: 'synonyms', type: 'List', listType: 'String' },
  { columnName: 'xrefs', type: 'List', listType: 'String' },
  { columnName: 'represents', type: 'String' },
  { columnName: 'msc_sources', type: 'List', listType: 'String' },
  { columnName: 'width', type: 'Integer' },
  { columnName: 'height', type: 'Integer' },
];

const EDGE_COLUMNS: ColumnDeclaration[] = [
  { columnName: 'name', type: 'String' },
  { columnName: 'shared_name', type: 'String' },
  { columnName: 'interaction', type: 'String' },
  { columnName: 'shared_interaction', type: 'String' },
  { columnName: 'sign', type: 'String' },
  { columnName: 'refs', type: 'List', listType: 'Integer' },
  { columnName: 'retracted_refs', type: 'List', listType: 'Integer' },
  { columnName: 'retracted_only', type: 'Boolean' },
  { columnName: 'msc_sources', type: 'List', listType: 'String' },
  { columnName: 'figures', type: 'List', listType: 'String' },
  { columnName: 'notes', type: 'List', listType: 'String' },
  { columnName: 'bend_weights', type: 'List', listType: 'Double' },
  { columnName: 'bend_distances', type: 'List', listType: 'Double' },
];

const NETWORK_COLUMNS: ColumnDeclaration[] = [
  { columnName: 'name', type: 'String' },
  { columnName: 'description', type: 'String' },
  { columnName: 'view', type: 'String' },
  { columnName: 'source', type: 'String' },
  { columnName: 'doi', type: 'String' },
  { columnName: 'licence', type: 'String' },
  { columnName: 'retractions', type: 'String' },
];

export interface CyjsFile {
  format_version: '1.0';
  generated_by: string;
  target_cytoscapejs_version: string;
  columnTypes: { node: ColumnDeclaration[]; edge: ColumnDeclaration[]; network: ColumnDeclaration[] };
  data: Record<string, string>;
  elements: {
    nodes: { data: Record<string, string | number | string[]>; position: { x: number; y: number } }[];
    edges: { data: Record<string, string | number | boolean | string[] | number[]> }[];
  };
  style: { selector: string; style: Record<string, string | number> }[];
}

/** The view as a Cytoscape.js JSON object (see `write` for the text). */
export function toCyjs(model: Model, view: GraphView, positions: Positions): CyjsFile {
  const r = viewRecords(model, view, positions);
  return {
    format_version: '1.0',
    generated_by: GENERATOR,
    target_cytoscapejs_version: '~3.35',
    columnTypes: { node: NODE_COLUMNS, edge: EDGE_COLUMNS, network: NETWORK_COLUMNS },
    data: {
      name: r.title,
      description: r.description,
      view: view.key,
      source: r.citation,
      doi: r.doi,
      licence: r.licence,
      ...(r.retractions.length ? { retractions: retractionsText(r) } : {}),
    },
    elements: {
      nodes: r.nodes.map((n) => ({
        data: {
          id: n.id,
          name: n.label,
          shared_name: n.label,
          full_name: n.fullName,
          kind: n.kind,
          synonyms: n.synonyms,
          xrefs: n.xrefs,
          ...(n.represents ? { represents: n.represents } : {}),
          msc_sources: n.mscSources,
          width: n.width,
          height: n.height,
        },
        position: { x: n.x, y: n.y },
      })),
      edges: r.edges.map((e) => ({
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          name: e.name,
          shared_name: e.name,
          interaction: e.relation,
          shared_interaction: e.relation,
          sign: e.sign,
          refs: e.refs,
          retracted_refs: e.retractedRefs,
          retracted_only: e.retractedOnly,
          msc_sources: e.mscSources,
          figures: e.figures,
          notes: e.notes,
          ...bends(positions, e.id, e.source, e.target),
        },
      })),
    },
    style: cytoscapeJsStyle(),
  };
}

/**
 * The layout's bends, for cytoscape.js `segments` edges: each bend as a weight along the source→target line and
 * a signed distance from it (https://js.cytoscape.org/#style/segments-edges). The stylesheet maps them for
 * edges that have them; Cytoscape desktop keeps them as columns and draws straight edges.
 */
function bends(positions: Positions, edgeId: string, source: string, target: string): { bend_weights?: number[]; bend_distances?: number[] } {
  const route = positions.edges[edgeId] ?? [];
  const s = positions.nodes[source];
  const t = positions.nodes[target];
  if (route.length < 3 || !s || !t) return {};
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const len2 = dx * dx + dy * dy || 1;
  const len = Math.sqrt(len2);
  const inner = route.slice(1, -1);
  return {
    bend_weights: inner.map((p) => Math.round((((p.x - s.x) * dx + (p.y - s.y) * dy) / len2) * 1000) / 1000),
    // positive to the right of the source→target direction, in screen coordinates, as cytoscape.js measures it
    bend_distances: inner.map((p) => Math.round((((p.x - s.x) * dy - (p.y - s.y) * dx) / len) * -10) / 10),
  };
}

/** `.cyjs` text. `model` supplies labels, figures and the citation. */
export function write(view: GraphView, positions: Positions, model: Model): string {
  return JSON.stringify(toCyjs(model, view, positions), null, 2);
}

/** Our look as a cytoscape.js stylesheet: shapes and colours by kind, arrow heads and dashes by relation. */
export function cytoscapeJsStyle(): CyjsFile['style'] {
  const out: CyjsFile['style'] = [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        width: 'data(width)',
        height: 'data(height)',
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-valign': 'center',
        'text-halign': 'center',
        'font-family': `${FONT_FAMILY}, sans-serif`,
        'font-size': NODE_FONT_SIZE,
        color: '#1a1a1a',
      },
    },
    {
      selector: 'edge',
      style: { width: 1.5, 'curve-style': 'bezier', 'line-color': EDGE_COLOUR, 'target-arrow-color': EDGE_COLOUR, 'arrow-scale': 1.2 },
    },
  ];
  for (const kind of KINDS) {
    const k = KIND_STYLE[kind];
    out.push({
      selector: `node[kind = "${kind}"]`,
      style: {
        shape: k.shape, // cytoscape.js draws every shape the app uses
        'background-color': k.fill,
        'border-color': k.border,
        'border-width': k.borderWidth,
        'border-style': k.borderStyle,
        'font-weight': k.bold ? 600 : 400,
      },
    });
  }
  out.push({
    selector: 'edge[bend_weights]',
    style: { 'curve-style': 'segments', 'segment-weights': 'data(bend_weights)', 'segment-distances': 'data(bend_distances)', 'edge-distances': 'node-position' },
  });
  for (const rel of RELATION_LIST) {
    const s = RELATION_STYLE[rel];
    out.push({
      selector: `edge[interaction = "${rel}"]`,
      style: { 'target-arrow-shape': s.arrow, 'target-arrow-fill': s.hollow ? 'hollow' : 'filled', 'line-style': s.line },
    });
  }
  return out;
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The matching Cytoscape desktop style (vizmap XML, valid against Cytoscape's vizmap.xsd): File → Import →
 * Styles from File, then choose "MSC–POF Atlas" in the Style panel. Mappings read the columns `.cyjs` writes.
 */
export function writeStyle(styleName = 'MSC–POF Atlas'): string {
  const discrete = (name: string, def: string, attribute: string, entries: [string, string][]) =>
    `      <visualProperty name="${name}" default="${xmlAttr(def)}">\n        <discreteMapping attributeType="string" attributeName="${attribute}">\n${entries
      .map(([k, v]) => `          <discreteMappingEntry attributeValue="${xmlAttr(k)}" value="${xmlAttr(v)}"/>`)
      .join('\n')}\n        </discreteMapping>\n      </visualProperty>`;
  const passthrough = (name: string, def: string, attribute: string, type: 'string' | 'integer') =>
    `      <visualProperty name="${name}" default="${xmlAttr(def)}">\n        <passthroughMapping attributeType="${type}" attributeName="${attribute}"/>\n      </visualProperty>`;
  const fixed = (name: string, value: string | number) => `      <visualProperty name="${name}" default="${xmlAttr(String(value))}"/>`;
  const kinds = KINDS.map((k) => [k, KIND_STYLE[k]] as const);
  const rels = RELATION_LIST.map((r) => [r, RELATION_STYLE[r]] as const);
  const upper = (hex: string) => hex.toUpperCase();
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<vizmap id="VizMap-msc-pof-atlas" documentVersion="3.1">
  <visualStyle name="${xmlAttr(styleName)}">
    <network>
${fixed('NETWORK_BACKGROUND_PAINT', '#FFFFFF')}
    </network>
    <node>
      <dependency name="nodeSizeLocked" value="false"/>
      <dependency name="nodeCustomGraphicsSizeSync" value="true"/>
${passthrough('NODE_LABEL', '', 'name', 'string')}
${passthrough('NODE_WIDTH', '80', 'width', 'integer')}
${passthrough('NODE_HEIGHT', '30', 'height', 'integer')}
${discrete('NODE_SHAPE', 'ROUND_RECTANGLE', 'kind', kinds.map(([k, s]) => [k, DESKTOP_SHAPE[s.shape]]))}
${discrete('NODE_FILL_COLOR', '#FFFFFF', 'kind', kinds.map(([k, s]) => [k, upper(s.fill)]))}
${discrete('NODE_BORDER_PAINT', '#333333', 'kind', kinds.map(([k, s]) => [k, upper(s.border)]))}
${discrete('NODE_BORDER_WIDTH', '1.5', 'kind', kinds.map(([k, s]) => [k, String(s.borderWidth)]))}
${discrete('NODE_BORDER_STROKE', 'SOLID', 'kind', kinds.map(([k, s]) => [k, DESKTOP_LINE[s.borderStyle]]))}
${fixed('NODE_LABEL_WIDTH', 130)}
${fixed('NODE_LABEL_FONT_SIZE', NODE_FONT_SIZE)}
${fixed('NODE_LABEL_COLOR', '#1A1A1A')}
${fixed('NODE_LABEL_FONT_FACE', 'SansSerif.plain,plain,13')}
    </node>
    <edge>
      <dependency name="arrowColorMatchesEdge" value="true"/>
${fixed('EDGE_WIDTH', 1.5)}
${fixed('EDGE_UNSELECTED_PAINT', upper(EDGE_COLOUR))}
${fixed('EDGE_STROKE_UNSELECTED_PAINT', upper(EDGE_COLOUR))}
${discrete('EDGE_TARGET_ARROW_SHAPE', 'DELTA', 'interaction', rels.map(([r, s]) => [r, DESKTOP_ARROW[s.arrow]]))}
${discrete('EDGE_LINE_TYPE', 'SOLID', 'interaction', rels.map(([r, s]) => [r, DESKTOP_LINE[s.line]]))}
    </edge>
  </visualStyle>
</vizmap>
`;
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/**
 * A `.cyjs` / cytoscape.js JSON file: `{ elements: { nodes, edges } }` (cy.json(), Cytoscape desktop) or
 * `{ elements: [ { group, data, position } ] }`, or a bare elements array. Node ids, edge ends and positions are
 * checked; every other `data` field comes back as an attribute.
 */
export function read(text: string): ReadResult {
  const clean = stripBom(text);
  const problems = new Problems(clean);
  return guard(problems, () => {
    const parsed = parseJson(clean);
    if ('problem' in parsed) return { problems: [parsed.problem] };
    const root = parsed.value;
    let nodeItems: { item: unknown; path: (string | number)[] }[] = [];
    let edgeItems: { item: unknown; path: (string | number)[] }[] = [];
    let title: string | undefined;
    const graphAttributes = attributes();
    const elements = Array.isArray(root) ? root : isObject(root) ? root.elements : undefined;
    const elementsPath: (string | number)[] = Array.isArray(root) ? [] : ['elements'];
    if (isObject(root) && isObject(root.data)) {
      Object.assign(graphAttributes, copyAttributes(root.data));
      if (typeof root.data.name === 'string' && root.data.name.trim()) title = root.data.name.trim();
    }
    if (Array.isArray(elements)) {
      elements.forEach((el, i) => {
        const group = isObject(el) ? el.group : undefined;
        const data = isObject(el) && isObject(el.data) ? el.data : undefined;
        const isEdge = group === 'edges' || (group === undefined && data !== undefined && ('source' in data || 'target' in data));
        (isEdge ? edgeItems : nodeItems).push({ item: el, path: [...elementsPath, i] });
      });
    } else if (isObject(elements)) {
      const { nodes, edges } = elements;
      if (nodes !== undefined && !Array.isArray(nodes)) problems.at(['elements', 'nodes'], 'must be a list of nodes');
      if (edges !== undefined && !Array.isArray(edges)) problems.at(['elements', 'edges'], 'must be a list of edges');
      if (Array.isArray(nodes)) nodeItems = nodes.map((item, i) => ({ item, path: ['elements', 'nodes', i] }));
      if (Array.isArray(edges)) edgeItems = edges.map((item, i) => ({ item, path: ['elements', 'edges', i] }));
    } else {
      problems.at(elementsPath.length ? elementsPath : [], 'a Cytoscape.js file needs "elements": { "nodes": […], "edges": […] }');
      return { problems: problems.list };
    }

    const nodes: ReadNode[] = [];
    const nodePaths: (string | number)[][] = [];
    for (const { item, path } of nodeItems) {
      if (!isObject(item) || !isObject(item.data)) {
        problems.at(path, 'a node must be an object with "data"');
        continue;
      }
      const id = idText(item.data.id);
      if (id === undefined) {
        problems.at([...path, 'data', 'id'], 'a node needs an id (text or number)');
        continue;
      }
      let position: { x: number; y: number } | undefined;
      if (item.position !== undefined) {
        const p = item.position;
        if (!isObject(p)) problems.at([...path, 'position'], 'position must be { "x": number, "y": number }');
        else {
          const x = coordinate(p.x);
          const y = coordinate(p.y);
          if (typeof x === 'string') problems.at([...path, 'position', 'x'], `x ${x}`);
          else if (typeof y === 'string') problems.at([...path, 'position', 'y'], `y ${y}`);
          else position = { x, y };
        }
      }
      nodes.push(makeNode(id, copyAttributes(item.data, ['id']), position));
      nodePaths.push(path);
    }

    const edges: ReadEdge[] = [];
    const edgePaths: (string | number)[][] = [];
    const usedIds = new Set<string>();
    for (const { item, path } of edgeItems) {
      if (!isObject(item) || !isObject(item.data)) {
        problems.at(path, 'an edge must be an object with "data"');
        continue;
      }
      const source = idText(item.data.source);
      const target = idText(item.data.target);
      if (source === undefined) problems.at([...path, 'data', 'source'], 'an edge needs a source node id');
      if (target === undefined) problems.at([...path, 'data', 'target'], 'an edge needs a target node id');
      if (source === undefined || target === undefined) continue;
      let id = idText(item.data.id);
      if (id === undefined) {
        let n = edges.length;
        while (usedIds.has(`e${n}`)) n++;
        id = `e${n}`;
      }
      usedIds.add(id);
      edges.push(makeEdge(id, source, target, copyAttributes(item.data, ['id', 'source', 'target'])));
      edgePaths.push(path);
    }

    checkGraph(nodes, edges, {
      empty: () => problems.at(elementsPath, 'the file has no nodes'),
      node: (i, field, reason) => problems.at([...nodePaths[i]!, 'data', field], reason),
      edge: (i, field, reason) => problems.at([...edgePaths[i]!, 'data', field], reason),
    });
    return { graph: { format: 'cyjs', ...(title ? { title } : {}), nodes, edges, hasPositions: allPositioned(nodes), attributes: graphAttributes } };
  });
}

function idText(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}
