/**
 * CX2, the Cytoscape Exchange format version 2 (NDEx, Cytoscape Web, Cytoscape desktop ≥ 3.10):
 * https://cytoscape.org/cx/cx2/specification/cytoscape-exchange-format-specification-(version-2)/
 *
 * A JSON array: the descriptor `{CXVersion: "2.0", hasFragments: false}`, pre-metadata, one block per aspect
 * (attributeDeclarations, networkAttributes, nodes with x/y, edges, visualProperties, visualEditorProperties),
 * and the closing `status`. Attribute types are declared (`refs` is `list_of_integer`), so numbers stay numbers.
 * The visual style is CX2's portable one: shapes and colours by `kind`, arrow heads and dashes by `interaction`.
 */
import type { Positions } from '../layout/types.ts';
import type { Model } from '../model/types.ts';
import type { GraphView } from '../model/view.ts';
import { EDGE_COLOUR, NODE_FONT_SIZE } from '../theme/kinds.ts';
import { allPositioned, attributeValue, checkGraph, coordinate, guard, isObject, makeEdge, makeNode, parseJson, Problems, stripBom } from './read-common.ts';
import { KIND_STYLE, KINDS, PORTABLE_ARROW, PORTABLE_SHAPE, portableLine, RELATION_LIST, RELATION_STYLE } from './style.ts';
import { attributes, type Attributes, type ReadEdge, type ReadNode, type ReadResult } from './types.ts';
import { GENERATOR, retractionsText, viewRecords } from './view-data.ts';

export type Cx2Type =
  | 'string'
  | 'long'
  | 'integer'
  | 'double'
  | 'boolean'
  | 'list_of_string'
  | 'list_of_long'
  | 'list_of_integer'
  | 'list_of_double'
  | 'list_of_boolean';

/** The aspects every CX2 document has, in the order the specification gives. */
export const CX2_REQUIRED = ['CXVersion', 'status'] as const;
export const CX2_CORE_ASPECTS = ['attributeDeclarations', 'networkAttributes', 'nodes', 'edges', 'visualProperties', 'nodeBypasses', 'edgeBypasses', 'visualEditorProperties'] as const;

const NODE_ATTRIBUTES: Record<string, Cx2Type> = {
  name: 'string',
  atlas_id: 'string',
  full_name: 'string',
  kind: 'string',
  synonyms: 'list_of_string',
  xrefs: 'list_of_string',
  represents: 'string',
  msc_sources: 'list_of_string',
  width: 'integer',
  height: 'integer',
};

const EDGE_ATTRIBUTES: Record<string, Cx2Type> = {
  name: 'string',
  atlas_id: 'string',
  interaction: 'string',
  sign: 'string',
  refs: 'list_of_integer',
  retracted_refs: 'list_of_integer',
  retracted_only: 'boolean',
  msc_sources: 'list_of_string',
  figures: 'list_of_string',
  notes: 'list_of_string',
};

const NETWORK_ATTRIBUTES: Record<string, Cx2Type> = {
  name: 'string',
  description: 'string',
  version: 'string',
  reference: 'string',
  doi: 'string',
  licence: 'string',
  generated_by: 'string',
  retractions: 'string',
};

const declare = (attrs: Record<string, Cx2Type>) => Object.fromEntries(Object.entries(attrs).map(([k, d]) => [k, { d }]));

type Aspect = Record<string, unknown[]>;

/** The view as a CX2 document (array of aspects). */
export function toCx2(model: Model, view: GraphView, positions: Positions): unknown[] {
  const r = viewRecords(model, view, positions);
  const index = new Map(r.nodes.map((n, i) => [n.id, i]));
  const nodes = r.nodes.map((n, i) => ({
    id: i,
    v: {
      name: n.label,
      atlas_id: n.id,
      full_name: n.fullName,
      kind: n.kind,
      synonyms: n.synonyms,
      xrefs: n.xrefs,
      ...(n.represents ? { represents: n.represents } : {}),
      msc_sources: n.mscSources,
      width: n.width,
      height: n.height,
    },
    x: n.x,
    y: n.y,
  }));
  const edges = r.edges.map((e, i) => ({
    id: i,
    s: index.get(e.source)!,
    t: index.get(e.target)!,
    v: {
      name: e.name,
      atlas_id: e.id,
      interaction: e.relation,
      sign: e.sign,
      refs: e.refs,
      retracted_refs: e.retractedRefs,
      retracted_only: e.retractedOnly,
      msc_sources: e.mscSources,
      figures: e.figures,
      notes: e.notes,
    },
  }));
  const aspects: Aspect[] = [
    { attributeDeclarations: [{ networkAttributes: declare(NETWORK_ATTRIBUTES), nodes: declare(NODE_ATTRIBUTES), edges: declare(EDGE_ATTRIBUTES) }] },
    {
      networkAttributes: [
        {
          name: r.title,
          description: r.description || `From ${r.citation}`,
          version: '1.0',
          reference: r.citation,
          doi: r.doi,
          licence: r.licence,
          generated_by: GENERATOR,
          ...(r.retractions.length ? { retractions: retractionsText(r) } : {}),
        },
      ],
    },
    { nodes },
    { edges },
    { visualProperties: [visualProperties()] },
    { visualEditorProperties: [{ properties: { nodeSizeLocked: false, arrowColorMatchesEdge: true } }] },
  ];
  return [
    { CXVersion: '2.0', hasFragments: false },
    { metaData: aspects.map((a) => ({ name: Object.keys(a)[0]!, elementCount: Object.values(a)[0]!.length })) },
    ...aspects,
    { status: [{ error: '', success: true }] },
  ];
}

/** CX2 portable style: defaults, then discrete mappings on kind (nodes) and interaction (edges). */
export function visualProperties(): Record<string, unknown> {
  const kindMap = <T>(f: (k: (typeof KINDS)[number]) => T) => KINDS.map((k) => ({ v: k, vp: f(k) }));
  const relMap = <T>(f: (r: (typeof RELATION_LIST)[number]) => T) => RELATION_LIST.map((r) => ({ v: r, vp: f(r) }));
  const discrete = (attribute: string, map: { v: string; vp: unknown }[]) => ({ type: 'DISCRETE', definition: { attribute, map } });
  return {
    default: {
      network: { NETWORK_BACKGROUND_COLOR: '#FFFFFF' },
      node: {
        NODE_SHAPE: 'round-rectangle',
        NODE_BACKGROUND_COLOR: '#FFFFFF',
        NODE_BACKGROUND_OPACITY: 1.0,
        NODE_BORDER_COLOR: '#333333',
        NODE_BORDER_WIDTH: 1.5,
        NODE_BORDER_STYLE: 'solid',
        NODE_BORDER_OPACITY: 1.0,
        NODE_WIDTH: 80,
        NODE_HEIGHT: 30,
        NODE_LABEL_COLOR: '#1A1A1A',
        NODE_LABEL_FONT_SIZE: NODE_FONT_SIZE,
        NODE_LABEL_MAX_WIDTH: 130,
        NODE_LABEL_FONT_FACE: { FONT_FAMILY: 'sans-serif', FONT_STYLE: 'normal', FONT_WEIGHT: 'normal' },
        NODE_LABEL_POSITION: { HORIZONTAL_ALIGN: 'center', VERTICAL_ALIGN: 'center', HORIZONTAL_ANCHOR: 'center', VERTICAL_ANCHOR: 'center', MARGIN_X: 0, MARGIN_Y: 0, JUSTIFICATION: 'center' },
        NODE_VISIBILITY: 'element',
      },
      edge: {
        EDGE_LINE_COLOR: EDGE_COLOUR,
        EDGE_WIDTH: 1.5,
        EDGE_LINE_STYLE: 'solid',
        EDGE_SOURCE_ARROW_SHAPE: 'none',
        EDGE_TARGET_ARROW_SHAPE: 'triangle',
        EDGE_TARGET_ARROW_COLOR: EDGE_COLOUR,
        EDGE_SOURCE_ARROW_COLOR: EDGE_COLOUR,
        EDGE_OPACITY: 1.0,
        EDGE_VISIBILITY: 'element',
      },
    },
    nodeMapping: {
      NODE_LABEL: { type: 'PASSTHROUGH', definition: { attribute: 'name' } },
      NODE_WIDTH: { type: 'PASSTHROUGH', definition: { attribute: 'width' } },
      NODE_HEIGHT: { type: 'PASSTHROUGH', definition: { attribute: 'height' } },
      NODE_SHAPE: discrete('kind', kindMap((k) => PORTABLE_SHAPE[KIND_STYLE[k].shape])),
      NODE_BACKGROUND_COLOR: discrete('kind', kindMap((k) => KIND_STYLE[k].fill.toUpperCase())),
      NODE_BORDER_COLOR: discrete('kind', kindMap((k) => KIND_STYLE[k].border.toUpperCase())),
      NODE_BORDER_WIDTH: discrete('kind', kindMap((k) => KIND_STYLE[k].borderWidth)),
      NODE_BORDER_STYLE: discrete('kind', kindMap((k) => KIND_STYLE[k].borderStyle)),
    },
    edgeMapping: {
      EDGE_TARGET_ARROW_SHAPE: discrete('interaction', relMap((r) => PORTABLE_ARROW[RELATION_STYLE[r].arrow])),
      EDGE_LINE_STYLE: discrete('interaction', relMap((r) => portableLine(r))),
    },
  };
}

export function write(view: GraphView, positions: Positions, model: Model): string {
  return JSON.stringify(toCx2(model, view, positions), null, 1);
}

// ---------------------------------------------------------------------------------------------------------
// Reading

interface Declaration {
  d?: string;
  a?: string;
  v?: unknown;
}

/**
 * A CX2 file (.cx2). Node ids are CX2's integers; when every node carries a distinct `atlas_id` (our own
 * exports), that becomes the id instead, so a round trip keeps the atlas's ids. Aliased attributes are read
 * under their full names and declared defaults are filled in.
 */
export function read(text: string): ReadResult {
  const clean = stripBom(text);
  const problems = new Problems(clean);
  return guard(problems, () => {
    const parsed = parseJson(clean);
    if ('problem' in parsed) return { problems: [parsed.problem] };
    const root = parsed.value;
    if (!Array.isArray(root)) {
      problems.at([], 'a CX2 file is a JSON list of aspects, starting with {"CXVersion": "2.0"}');
      return { problems: problems.list };
    }
    const first = root[0];
    const version = isObject(first) ? first.CXVersion : undefined;
    if (typeof version !== 'string') {
      const looksCx1 = root.some((a) => isObject(a) && ('numberVerification' in a || 'nodeAttributes' in a));
      problems.at([0], looksCx1 ? 'this is CX version 1 (.cx); export the network as CX2 (.cx2)' : 'the first element must be {"CXVersion": "2.0", …}');
      return { problems: problems.list };
    }
    if (!version.startsWith('2.')) {
      problems.at([0, 'CXVersion'], `CX version ${version} is not supported; this reader reads CX2 (2.x)`);
      return { problems: problems.list };
    }

    // Gather aspects (fragments, when allowed, are concatenated in order).
    const blocks = new Map<string, { items: unknown[]; index: number; offset: number }[]>();
    root.forEach((block, index) => {
      if (index === 0 || !isObject(block)) return;
      for (const [name, value] of Object.entries(block)) {
        if (!Array.isArray(value)) continue;
        const list = blocks.get(name) ?? [];
        const offset = list.reduce((n, b) => n + b.items.length, 0);
        list.push({ items: value, index, offset });
        blocks.set(name, list);
      }
    });
    const each = (name: string, f: (item: unknown, path: (string | number)[]) => void) => {
      for (const b of blocks.get(name) ?? []) b.items.forEach((item, i) => f(item, [b.index, name, i]));
    };

    const status = blocks.get('status')?.[0]?.items[0];
    if (isObject(status) && status.success === false) {
      problems.at([blocks.get('status')![0]!.index, 'status', 0, 'success'], `the file says it is incomplete${typeof status.error === 'string' && status.error ? `: ${status.error}` : ''}`);
    }

    const declarations: Record<'nodes' | 'edges' | 'networkAttributes', Map<string, Declaration>> = { nodes: new Map(), edges: new Map(), networkAttributes: new Map() };
    each('attributeDeclarations', (decl) => {
      if (!isObject(decl)) return;
      for (const aspect of ['nodes', 'edges', 'networkAttributes'] as const) {
        const d = decl[aspect];
        if (!isObject(d)) continue;
        for (const [name, spec] of Object.entries(d)) if (isObject(spec)) declarations[aspect].set(name, spec as Declaration);
      }
    });
    const values = (aspect: 'nodes' | 'edges', v: unknown): Attributes => {
      const out = attributes();
      const decl = declarations[aspect];
      const alias = new Map<string, string>();
      for (const [name, d] of decl) if (typeof d.a === 'string') alias.set(d.a, name);
      if (isObject(v)) {
        for (const key of Object.keys(v)) {
          const value = attributeValue(v[key]);
          if (value !== undefined) out[alias.get(key) ?? key] = value;
        }
      }
      for (const [name, d] of decl) {
        if (!Object.prototype.hasOwnProperty.call(out, name) && d.v !== undefined) {
          const value = attributeValue(d.v);
          if (value !== undefined) out[name] = value;
        }
      }
      return out;
    };

    const networkAttributes = attributes();
    each('networkAttributes', (item) => {
      if (isObject(item)) for (const key of Object.keys(item)) {
        const value = attributeValue(item[key]);
        if (value !== undefined) networkAttributes[key] = value;
      }
    });

    const rawNodes: { cx: string; attrs: Attributes; position?: { x: number; y: number }; path: (string | number)[] }[] = [];
    each('nodes', (item, path) => {
      if (!isObject(item)) return problems.at(path, 'a node must be an object {"id": …, "v": {…}}');
      if (!isId(item.id)) return problems.at([...path, 'id'], 'a node needs an integer id');
      let position: { x: number; y: number } | undefined;
      if (item.x !== undefined || item.y !== undefined) {
        const x = coordinate(item.x);
        const y = coordinate(item.y);
        if (typeof x === 'string') problems.at([...path, 'x'], `x ${x}`);
        else if (typeof y === 'string') problems.at([...path, 'y'], `y ${y}`);
        else position = { x, y };
      }
      rawNodes.push({ cx: String(item.id), attrs: values('nodes', item.v), ...(position ? { position } : {}), path });
    });

    // Our own ids when every node has a distinct atlas_id, else CX2's.
    const atlasIds = rawNodes.map((n) => n.attrs.atlas_id);
    const useAtlas = rawNodes.length > 0 && atlasIds.every((a) => typeof a === 'string' && a !== '') && new Set(atlasIds).size === atlasIds.length;
    const idOf = new Map<string, string>();
    const nodes: ReadNode[] = rawNodes.map((n) => {
      const id = useAtlas ? (n.attrs.atlas_id as string) : n.cx;
      if (!idOf.has(n.cx)) idOf.set(n.cx, id);
      return makeNode(id, n.attrs, n.position);
    });

    const edges: ReadEdge[] = [];
    const edgePaths: (string | number)[][] = [];
    each('edges', (item, path) => {
      if (!isObject(item)) return problems.at(path, 'an edge must be an object {"id": …, "s": …, "t": …}');
      if (!isId(item.id)) return problems.at([...path, 'id'], 'an edge needs an integer id');
      if (!isId(item.s)) return problems.at([...path, 's'], 'an edge needs the integer id of its source node in "s"');
      if (!isId(item.t)) return problems.at([...path, 't'], 'an edge needs the integer id of its target node in "t"');
      const attrs = values('edges', item.v);
      const id = useAtlas && typeof attrs.atlas_id === 'string' && attrs.atlas_id ? attrs.atlas_id : String(item.id);
      edges.push(makeEdge(id, idOf.get(String(item.s)) ?? `#${String(item.s)}`, idOf.get(String(item.t)) ?? `#${String(item.t)}`, attrs));
      edgePaths.push(path);
    });

    checkGraph(nodes, edges, {
      empty: () => problems.at(blocks.get('nodes')?.[0] ? [blocks.get('nodes')![0]!.index, 'nodes'] : [], 'the file has no nodes'),
      node: (i, _f, reason) => problems.at([...rawNodes[i]!.path, 'id'], reason),
      edge: (i, field, reason) => problems.at([...edgePaths[i]!, field === 'source' ? 's' : field === 'target' ? 't' : 'id'], reason.replace(/"#(\d+)"/, '$1')),
    });
    const title = typeof networkAttributes.name === 'string' && networkAttributes.name.trim() ? networkAttributes.name.trim() : undefined;
    return { graph: { format: 'cx2', ...(title ? { title } : {}), nodes, edges, hasPositions: allPositioned(nodes), attributes: networkAttributes } };
  });
}

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
