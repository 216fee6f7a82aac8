/**
 * Views: what one screen shows, derived from the model. A figure, the atlas (union of all figures), or the
 * union of two sources/figures for the compare view. Pure functions; the canvas and exports draw these.
 *
 * An edge's id is `source~relation~target`, the same in every view, so an edge of Fig. 1 and the merged atlas
 * edge it belongs to are one element for overlays, selection and links.
 */
import { RELATION_SIGN, type Entity, type FigureEdge, type Relation, type Sign } from './schema.ts';
import { isComplete, type Figure, type Model } from './types.ts';

/** The review's figures (not the user's imported graphs): the atlas and the per-source views are the review's. */
const reviewFigures = (model: Model): readonly Figure[] => model.figures.filter((f) => !f.imported);

export interface EdgeSupport {
  figure: string;
  edge: FigureEdge;
  /** MSC sources this statement is about. */
  sources: readonly string[];
  /** The combination (entity id) whose effect this is, when the statement comes from a combination node. */
  combination?: string;
}

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  relation: Relation;
  sign: Sign;
  supports: readonly EdgeSupport[];
  /** Union of the supports' sources, sorted. */
  sources: readonly string[];
  /** Union of the supports' reference numbers, ascending. */
  refs: readonly number[];
}

export interface ViewNode {
  id: string;
  entity: Entity;
  /** Sources of the edges touching this node, sorted. */
  sources: readonly string[];
}

export type ViewKind = 'figure' | 'atlas' | 'pair' | 'source';

export interface GraphView {
  key: string;
  kind: ViewKind;
  title: string;
  caption?: string;
  figures: readonly string[];
  nodes: readonly ViewNode[];
  edges: readonly ViewEdge[];
}

export const edgeKey = (source: string, relation: string, target: string) => `${source}~${relation}~${target}`;

/**
 * Which sources an edge is about: its own `sources`, else the figure's single source, else (figures about
 * several sources) the figure's sources from which the edge can be reached along the figure's edges. A
 * combination belongs to its member sources: what it does is theirs, marked as a combination effect.
 */
export function edgeSources(fig: Figure, edge: FigureEdge, entities?: ReadonlyMap<string, Entity>): readonly string[] {
  if (edge.sources?.length) return [...edge.sources].sort();
  const from = entities?.get(edge.source);
  if (from?.kind === 'combination') {
    // Stryker disable next-line ArrayDeclaration: equivalent, an invented member names no entity, so the filter drops it
    const members = (from.members ?? []).filter((m) => entities?.get(m)?.kind === 'msc-source');
    if (members.length) return members.sort();
  }
  // Stryker disable next-line ConditionalExpression: equivalent, a shortcut: from its one source the walk below finds that source or nothing, and nothing falls back to it
  if (fig.sources.length === 1) return fig.sources;
  const found = sourcesReaching(fig).get(edge.source) ?? [];
  return (found.length ? found : fig.sources).slice().sort();
}

/**
 * For a figure about several sources: node → the figure's sources from which it can be reached along the
 * figure's edges (a source reaches itself), in the figure's order of sources. One walk forward from each source,
 * computed once per figure: asking per edge would walk the whole figure for every edge, which is quadratic and
 * took seconds on an imported graph of a few thousand edges.
 */
const reachCache = new WeakMap<Figure, Map<string, string[]>>();
function sourcesReaching(fig: Figure): Map<string, string[]> {
  let reaching = reachCache.get(fig);
  // Stryker disable next-line ConditionalExpression: equivalent, the walk made again gives the same answer, only more slowly
  if (reaching) return reaching;
  reaching = new Map();
  const succ = new Map<string, string[]>();
  for (const e of fig.edges) {
    const list = succ.get(e.source);
    if (list) list.push(e.target);
    else succ.set(e.source, [e.target]);
  }
  for (const s of fig.sources) {
    const seen = new Set<string>();
    const stack = [s];
    while (stack.length) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      const list = reaching.get(n);
      if (list) list.push(s);
      else reaching.set(n, [s]);
      // Stryker disable next-line ArrayDeclaration: equivalent, an invented successor starts no edge of the figure, so no edge asks for it
      for (const t of succ.get(n) ?? []) stack.push(t);
    }
  }
  reachCache.set(fig, reaching);
  return reaching;
}

function buildView(
  model: Model,
  meta: Omit<GraphView, 'nodes' | 'edges' | 'figures'>,
  figures: readonly Figure[],
  keep: (support: EdgeSupport, sign: Sign) => boolean = () => true,
): GraphView {
  const edges = new Map<string, { source: string; target: string; relation: Relation; supports: EdgeSupport[] }>();
  // Stryker disable next-line ArrayDeclaration: equivalent, an invented first node touches no edge, so it is left out below
  const nodeOrder: string[] = [];
  const seenNodes = new Set<string>();
  for (const fig of figures) {
    for (const n of fig.nodes) {
      if (!seenNodes.has(n.entity)) {
        seenNodes.add(n.entity);
        nodeOrder.push(n.entity);
      }
    }
    for (const edge of fig.edges) {
      const support: EdgeSupport = { figure: fig.id, edge, sources: edgeSources(fig, edge, model.entities) };
      if (model.entities.get(edge.source)?.kind === 'combination') support.combination = edge.source;
      if (!keep(support, RELATION_SIGN[edge.relation])) continue;
      const id = edgeKey(edge.source, edge.relation, edge.target);
      const entry = edges.get(id) ?? { source: edge.source, target: edge.target, relation: edge.relation, supports: [] };
      entry.supports.push(support);
      edges.set(id, entry);
    }
  }
  const nodeSources = new Map<string, Set<string>>();
  const viewEdges: ViewEdge[] = [...edges].map(([id, e]) => {
    const sources = [...new Set(e.supports.flatMap((s) => s.sources))].sort();
    for (const end of [e.source, e.target]) {
      const set = nodeSources.get(end) ?? new Set<string>();
      sources.forEach((s) => set.add(s));
      nodeSources.set(end, set);
    }
    return {
      id,
      source: e.source,
      target: e.target,
      relation: e.relation,
      sign: RELATION_SIGN[e.relation],
      supports: e.supports,
      sources,
      refs: [...new Set(e.supports.flatMap((s) => s.edge.refs))].sort((a, b) => a - b),
    };
  });
  const nodes: ViewNode[] = nodeOrder
    .filter((id) => nodeSources.has(id))
    .map((id) => ({ id, entity: model.entities.get(id)!, sources: [...nodeSources.get(id)!].sort() }));
  return { ...meta, figures: figures.map((f) => f.id), nodes, edges: viewEdges };
}

/** A statement filter (e.g. the user's sign or species filters): keeps a support of an edge of the given sign. */
export type KeepSupport = (support: EdgeSupport, sign: Sign) => boolean;

/** A view drawn from data that is not loaded would be silently empty: refuse instead (a bug of the caller). */
function requireLoaded(model: Model, what: string, figureId?: string): void {
  if (figureId === undefined ? !isComplete(model) : model.pending?.has(figureId)) throw new Error(`${what} needs data that is not loaded yet`);
}

export function figureView(model: Model, figureId: string, keep?: KeepSupport): GraphView | undefined {
  const fig = model.figures.find((f) => f.id === figureId);
  if (!fig) return undefined;
  requireLoaded(model, `The view of ${figureId}`, figureId);
  // An imported graph's label is its name cut short: its title alone names it.
  const title = fig.imported ? fig.title : `${fig.label} ${fig.title}`;
  return buildView(model, { key: `figure:${fig.id}`, kind: 'figure', title, caption: fig.caption }, [fig], keep);
}

export function atlasView(model: Model): GraphView {
  requireLoaded(model, 'The atlas');
  return buildView(
    model,
    {
      key: 'atlas',
      kind: 'atlas',
      title: 'Atlas: all MSC sources of the review',
      caption: 'Every figure and table of the review merged: one node per entity, each edge keeping the sources and references that support it.',
    },
    reviewFigures(model),
  );
}

/** All MSC sources that figures are about, in the order the review presents them. */
export function sourceIds(model: Model): string[] {
  // A model still loading its figures carries the order, computed from every figure at build time.
  if (model.sourceOrder) return [...model.sourceOrder];
  const out: string[] = [];
  for (const fig of reviewFigures(model)) for (const s of fig.sources) if (!out.includes(s)) out.push(s);
  // Sources named only on edges (e.g. the overview's generic MSCs) come last.
  for (const fig of reviewFigures(model)) for (const e of fig.edges) for (const s of e.sources ?? []) if (!out.includes(s)) out.push(s);
  return out;
}

/** What one side of a comparison shows: a source (all its statements across figures) or a figure. */
export type Side = { type: 'source'; id: string } | { type: 'figure'; id: string };

export function sideLabel(model: Model, side: Side): string {
  if (side.type === 'source') return model.entities.get(side.id)?.label ?? side.id;
  const fig = model.figures.find((f) => f.id === side.id);
  return fig ? fig.label : side.id;
}

/** One side of a comparison; `keep` narrows it to the statements passing the user's filters. */
export function sideView(model: Model, side: Side, keep?: KeepSupport): GraphView | undefined {
  if (side.type === 'figure') {
    const view = figureView(model, side.id, keep);
    return view?.edges.length ? view : undefined;
  }
  const entity = model.entities.get(side.id);
  if (!entity || entity.kind !== 'msc-source') return undefined;
  requireLoaded(model, `The statements of ${side.id}`);
  const view = buildView(model, { key: `source:${side.id}`, kind: 'source', title: `${entity.label}: all statements` }, reviewFigures(model), (s, sign) =>
    s.sources.includes(side.id) && (!keep || keep(s, sign)),
  );
  return view.edges.length ? view : undefined;
}

/** Union of two views; laid out once so an entity both share stands at the same place in both panes. */
export function unionView(a: GraphView, b: GraphView): GraphView {
  const edges = new Map<string, ViewEdge>();
  for (const e of [...a.edges, ...b.edges]) {
    const prev = edges.get(e.id);
    if (!prev) edges.set(e.id, e);
    else {
      const supports = [...prev.supports, ...e.supports.filter((s) => !prev.supports.some((p) => p.figure === s.figure && p.edge.id === s.edge.id))];
      edges.set(e.id, {
        ...prev,
        supports,
        sources: [...new Set([...prev.sources, ...e.sources])].sort(),
        refs: [...new Set([...prev.refs, ...e.refs])].sort((x, y) => x - y),
      });
    }
  }
  const nodes = new Map<string, ViewNode>();
  for (const n of [...a.nodes, ...b.nodes]) {
    const prev = nodes.get(n.id);
    nodes.set(n.id, prev ? { ...prev, sources: [...new Set([...prev.sources, ...n.sources])].sort() } : n);
  }
  return {
    key: `pair:${a.key}|${b.key}`,
    kind: 'pair',
    title: `${a.title} / ${b.title}`,
    figures: [...new Set([...a.figures, ...b.figures])],
    nodes: [...nodes.values()],
    edges: [...edges.values()],
  };
}
