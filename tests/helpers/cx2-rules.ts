/**
 * The rules a CX2 document must follow, checked independently of our writer and reader:
 * - the CX2 specification (cytoscape.org/cx/cx2/specification, "Cytoscape Exchange Format Specification
 *   (Version 2)"): a JSON array whose first element is the CX descriptor ({"CXVersion": "2.0", "hasFragments"}),
 *   then metadata and aspect blocks, each an object with one key holding a list, and the status aspect last;
 *   metaData names each aspect with its element count; attributeDeclarations declares each attribute's type (d),
 *   alias (a) and default (v) for nodes, edges and networkAttributes; nodes have integer ids and x/y, edges s/t;
 *   visualProperties holds defaults and DISCRETE / CONTINUOUS / PASSTHROUGH mappings on declared attributes;
 * - the CX2 Visual Styles document (node shapes, #RRGGBB colours);
 * - what Cytoscape Web checks when it opens a CX2 file (its validateCX2: every aspect a one-key list, a status
 *   aspect, a metaData aspect, edge ends among the nodes, attribute values of their declared types, no alias or
 *   default on network attributes) and the values its visual style model knows (arrow shapes, line and border
 *   styles, visibility).
 * Returns every problem found, each with its place, so a test can both require none and show that each is caught.
 */

const TYPES = ['string', 'integer', 'long', 'double', 'boolean', 'list_of_string', 'list_of_integer', 'list_of_long', 'list_of_double', 'list_of_boolean'] as const;
type Cx2Type = (typeof TYPES)[number];

function typeOk(d: Cx2Type, v: unknown): boolean {
  if (d.startsWith('list_of_')) return Array.isArray(v) && v.every((x) => typeOk(d.slice('list_of_'.length) as Cx2Type, x));
  switch (d) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
    case 'long':
      return typeof v === 'number' && Number.isInteger(v);
    case 'double':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return false;
  }
}

/**
 * Visual property values, by CX2 visual property name: node shapes as the CX2 Visual Styles document enumerates them
 * (cytoscape.org/cx/cx2/cx2-visual-styles, NODE_SHAPE); arrow shapes, line and border styles and visibility as
 * Cytoscape Web's style model knows them.
 */
const NODE_SHAPES = ['ellipse', 'triangle', 'rectangle', 'round-rectangle', 'parallelogram', 'diamond', 'hexagon', 'octagon', 'vee'];
const ARROW_SHAPES = ['triangle', 'circle', 'diamond', 'square', 'tee', 'arrow', 'triangle-cross', 'open_circle', 'open_diamond', 'open_square', 'open_delta', 'cross_open_delta', 'none'];
const LINE_STYLES = ['solid', 'dotted', 'dashed'];
const BORDER_STYLES = [...LINE_STYLES, 'double'];
const VISIBILITY = ['element', 'none'];
const isColour = (v: unknown) => typeof v === 'string' && /^#[0-9A-Fa-f]{6}$/.test(v);
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isOpacity = (v: unknown) => isNumber(v) && (v as number) >= 0 && (v as number) <= 1;
const isSize = (v: unknown) => isNumber(v) && (v as number) >= 0;

function vpValueOk(name: string, v: unknown): boolean | undefined {
  if (name === 'NODE_SHAPE') return NODE_SHAPES.includes(v as string);
  if (/_ARROW_SHAPE$/.test(name)) return ARROW_SHAPES.includes(v as string);
  if (name === 'EDGE_LINE_STYLE') return LINE_STYLES.includes(v as string);
  if (name === 'NODE_BORDER_STYLE') return BORDER_STYLES.includes(v as string);
  if (/_VISIBILITY$/.test(name)) return VISIBILITY.includes(v as string);
  if (/_COLOR$/.test(name)) return isColour(v);
  if (/OPACITY$/.test(name)) return isOpacity(v);
  if (/(_WIDTH|_HEIGHT|_SIZE|_MAX_WIDTH)$/.test(name)) return isSize(v);
  return undefined; // not one whose values are checked here
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function cx2Problems(doc: unknown): string[] {
  const problems: string[] = [];
  const say = (place: string, what: string) => problems.push(`${place}: ${what}`);
  if (!Array.isArray(doc) || doc.length < 2) return ['document: a CX2 document is a JSON array with at least the descriptor and the status'];

  // Descriptor first.
  const descriptor = doc[0];
  if (!isObject(descriptor) || descriptor.CXVersion !== '2.0') say('[0]', 'the first element must be the CX descriptor with CXVersion "2.0"');
  else {
    for (const key of Object.keys(descriptor)) if (!['CXVersion', 'hasFragments'].includes(key)) say('[0]', `unknown descriptor key ${key}`);
    if ('hasFragments' in descriptor && typeof descriptor.hasFragments !== 'boolean') say('[0].hasFragments', 'must be a boolean');
  }

  // Every other element: one key holding a list; each aspect once (no fragments declared).
  const aspects = new Map<string, { index: number; items: unknown[] }>();
  doc.slice(1).forEach((block, i) => {
    const index = i + 1;
    if (!isObject(block) || Object.keys(block).length !== 1 || !Array.isArray(Object.values(block)[0])) return say(`[${index}]`, 'an aspect block is an object with one key holding a list');
    const [name, items] = Object.entries(block)[0]! as [string, unknown[]];
    if (aspects.has(name) && name !== 'metaData') say(`[${index}]`, `aspect ${name} appears twice, but hasFragments is not true`);
    if (!aspects.has(name)) aspects.set(name, { index, items });
  });

  // Status last: one element, success true, error a string.
  const last = doc.at(-1);
  const status = isObject(last) && Array.isArray(last.status) ? last.status : undefined;
  if (!status) say(`[${doc.length - 1}]`, 'the last element must be the status aspect');
  else if (status.length !== 1 || !isObject(status[0]) || typeof status[0].success !== 'boolean') say('status', 'one element with a boolean success');
  else {
    if (status[0].success !== true) say('status[0].success', 'the writer must report success');
    if ('error' in status[0] && typeof status[0].error !== 'string') say('status[0].error', 'must be a string');
  }
  for (const [name, a] of aspects) if (name === 'status' && a.index !== doc.length - 1) say(`[${a.index}]`, 'status must be the last element');

  // metaData: each named aspect exists with that many elements; each aspect present is named.
  const meta = aspects.get('metaData');
  if (!meta) say('metaData', 'missing (Cytoscape Web refuses a file without it)');
  else {
    const named = new Set<string>();
    meta.items.forEach((m, i) => {
      if (!isObject(m) || typeof m.name !== 'string' || !m.name) return say(`metaData[${i}]`, 'needs a name');
      named.add(m.name);
      if (m.elementCount !== undefined) {
        if (typeof m.elementCount !== 'number' || !Number.isInteger(m.elementCount) || m.elementCount < 0) say(`metaData[${i}].elementCount`, 'must be a non-negative integer');
        else if (aspects.get(m.name)?.items.length !== m.elementCount) say(`metaData[${i}]`, `${m.name} has ${aspects.get(m.name)?.items.length ?? 'no'} elements, not ${m.elementCount}`);
      }
      if (!aspects.has(m.name)) say(`metaData[${i}]`, `names ${m.name}, which the document lacks`);
    });
    for (const name of aspects.keys()) if (!['metaData', 'status'].includes(name) && !named.has(name)) say(name, 'not listed in metaData');
  }

  // attributeDeclarations: one element; d of a known type; a and v only on nodes and edges; v of type d.
  const declared: Record<'nodes' | 'edges' | 'networkAttributes', Map<string, { d: Cx2Type; a?: string }>> = { nodes: new Map(), edges: new Map(), networkAttributes: new Map() };
  const decl = aspects.get('attributeDeclarations');
  if (decl) {
    if (decl.items.length !== 1 || !isObject(decl.items[0])) say('attributeDeclarations', 'exactly one element');
    else
      for (const [scope, attrs] of Object.entries(decl.items[0])) {
        if (!(scope in declared)) {
          say(`attributeDeclarations.${scope}`, 'unknown scope (nodes, edges, networkAttributes)');
          continue;
        }
        if (!isObject(attrs)) {
          say(`attributeDeclarations.${scope}`, 'must be an object');
          continue;
        }
        for (const [name, spec] of Object.entries(attrs)) {
          const place = `attributeDeclarations.${scope}.${name}`;
          if (!isObject(spec) || !TYPES.includes(spec.d as Cx2Type)) {
            say(place, `d must be one of ${TYPES.join(', ')}`);
            continue;
          }
          if (scope === 'networkAttributes' && ('a' in spec || 'v' in spec)) say(place, 'network attributes take no alias (a) or default (v)');
          if ('v' in spec && !typeOk(spec.d as Cx2Type, spec.v)) say(`${place}.v`, `default is not a ${spec.d}`);
          if ('a' in spec && typeof spec.a !== 'string') say(`${place}.a`, 'alias must be a string');
          declared[scope as keyof typeof declared].set(typeof spec.a === 'string' ? spec.a : name, { d: spec.d as Cx2Type });
        }
      }
  }
  const values = (scope: keyof typeof declared, v: unknown, place: string) => {
    if (v === undefined) return;
    if (!isObject(v)) return say(place, 'attributes must be an object');
    for (const [key, value] of Object.entries(v)) {
      const d = declared[scope].get(key);
      if (!d) say(`${place}.${key}`, `not declared for ${scope}`);
      else if (value !== null && !typeOk(d.d, value)) say(`${place}.${key}`, `value is not a ${d.d}`);
    }
  };

  // networkAttributes: one element (the network's own).
  const net = aspects.get('networkAttributes');
  if (net) {
    if (net.items.length !== 1) say('networkAttributes', 'exactly one element');
    net.items.forEach((item, i) => values('networkAttributes', item, `networkAttributes[${i}]`));
  }

  // Nodes: unique integer ids, attributes typed, x and y together, all or none positioned.
  const nodeIds = new Set<number>();
  const nodes = aspects.get('nodes')?.items ?? [];
  let positioned = 0;
  nodes.forEach((n, i) => {
    const place = `nodes[${i}]`;
    if (!isObject(n) || typeof n.id !== 'number' || !Number.isInteger(n.id)) return say(place, 'a node needs an integer id');
    if (nodeIds.has(n.id)) say(`${place}.id`, `duplicate node id ${n.id}`);
    nodeIds.add(n.id);
    values('nodes', n.v, `${place}.v`);
    const hasX = 'x' in n;
    const hasY = 'y' in n;
    if (hasX !== hasY) say(place, 'x and y come together');
    if (hasX && (!isNumber(n.x) || !isNumber(n.y))) say(place, 'x and y must be numbers');
    if ('z' in n && !isNumber(n.z)) say(`${place}.z`, 'must be a number');
    if (hasX && hasY) positioned++;
  });
  if (positioned && positioned !== nodes.length) say('nodes', `${positioned} of ${nodes.length} nodes have x and y: all or none`);

  // Edges: unique integer ids, ends among the nodes, attributes typed.
  const edgeIds = new Set<number>();
  (aspects.get('edges')?.items ?? []).forEach((e, i) => {
    const place = `edges[${i}]`;
    if (!isObject(e) || typeof e.id !== 'number' || !Number.isInteger(e.id)) return say(place, 'an edge needs an integer id');
    if (edgeIds.has(e.id)) say(`${place}.id`, `duplicate edge id ${e.id}`);
    edgeIds.add(e.id);
    for (const end of ['s', 't'] as const) if (!nodeIds.has(e[end] as number)) say(`${place}.${end}`, `no node ${String(e[end])}`);
    values('edges', e.v, `${place}.v`);
  });

  // Bypasses point at existing elements.
  for (const [aspect, ids] of [['nodeBypasses', nodeIds], ['edgeBypasses', edgeIds]] as const)
    (aspects.get(aspect)?.items ?? []).forEach((b, i) => {
      if (!isObject(b) || !ids.has(b.id as number)) say(`${aspect}[${i}]`, 'must name an existing element by id');
      else if (isObject(b.v)) for (const [vp, value] of Object.entries(b.v)) if (vpValueOk(vp, value) === false) say(`${aspect}[${i}].v.${vp}`, `value ${JSON.stringify(value)} is not one Cytoscape Web draws`);
    });

  // visualProperties: one element; defaults for network, node, edge; mappings on declared attributes; known values.
  const vp = aspects.get('visualProperties');
  if (vp) {
    if (vp.items.length !== 1 || !isObject(vp.items[0])) say('visualProperties', 'exactly one element');
    else {
      const style = vp.items[0];
      const defaults = style.default;
      if (!isObject(defaults)) say('visualProperties[0].default', 'missing');
      else
        for (const [group, props] of Object.entries(defaults)) {
          if (!['network', 'node', 'edge'].includes(group) || !isObject(props)) {
            say(`visualProperties[0].default.${group}`, 'groups are network, node and edge, each an object');
            continue;
          }
          for (const [name, value] of Object.entries(props)) if (vpValueOk(name, value) === false) say(`visualProperties[0].default.${group}.${name}`, `value ${JSON.stringify(value)} is not one Cytoscape Web draws`);
        }
      for (const [key, scope] of [['nodeMapping', 'nodes'], ['edgeMapping', 'edges']] as const) {
        const mappings = style[key];
        if (mappings === undefined) continue;
        if (!isObject(mappings)) {
          say(`visualProperties[0].${key}`, 'must be an object');
          continue;
        }
        for (const [name, m] of Object.entries(mappings)) {
          const place = `visualProperties[0].${key}.${name}`;
          if (!isObject(m) || !['DISCRETE', 'CONTINUOUS', 'PASSTHROUGH'].includes(m.type as string) || !isObject(m.definition)) {
            say(place, 'a mapping is {type: DISCRETE | CONTINUOUS | PASSTHROUGH, definition: {attribute, …}}');
            continue;
          }
          const attribute = m.definition.attribute;
          const d = declared[scope].get(attribute as string);
          if (!d) {
            say(`${place}.definition.attribute`, `${String(attribute)} is not a declared ${scope} attribute`);
            continue;
          }
          if (m.type === 'CONTINUOUS' && !['integer', 'long', 'double'].includes(d.d)) say(place, `a continuous mapping needs a number attribute, not ${d.d}`);
          if (m.type === 'DISCRETE') {
            if (!Array.isArray(m.definition.map)) say(`${place}.definition.map`, 'a discrete mapping needs a map');
            else
              m.definition.map.forEach((entry: unknown, i: number) => {
                if (!isObject(entry) || !('v' in entry) || !('vp' in entry)) return say(`${place}.definition.map[${i}]`, 'each entry is {v, vp}');
                if (!typeOk(d.d.replace(/^list_of_/, '') as Cx2Type, entry.v)) say(`${place}.definition.map[${i}].v`, `${JSON.stringify(entry.v)} is not a ${d.d} value of ${String(attribute)}`);
                if (vpValueOk(name, entry.vp) === false) say(`${place}.definition.map[${i}].vp`, `value ${JSON.stringify(entry.vp)} is not one Cytoscape Web draws`);
              });
          }
        }
      }
    }
  }
  return problems;
}
