/**
 * What the atlas says about one figure's entities, shipped with that figure's data (data/model-parts.ts) so that
 * the figure's overlay and shared factors are read as the atlas gives them before the rest of the data is loaded.
 * Build time only: it needs the whole model (and its own module keeps view.ts out of what imports overlay.ts alone,
 * such as the service worker).
 */
import { cellFreeSupports } from './overlay.ts';
import type { Evidence, FigureEdge } from './schema.ts';
import type { Model, Surroundings } from './types.ts';
import { atlasView, figureView, type EdgeSupport } from './view.ts';

/** A statement as the filters read it (supportPasses): its references and their species, settings and injuries. */
function filterFacts({ id, source, target, relation, refs, section, evidence, evidenceByRef }: FigureEdge): FigureEdge {
  const facts = ({ species, setting, injury }: Evidence): Evidence => ({ ...(species && { species }), ...(setting && { setting }), ...(injury && { injury }) });
  const byRef = Object.entries(evidenceByRef ?? {})
    .map(([n, e]) => [n, facts(e)] as const)
    .filter(([, e]) => Object.keys(e).length > 0);
  return { id, source, target, relation, refs, evidence: facts(evidence), ...(byRef.length && { evidenceByRef: Object.fromEntries(byRef) }), section, note: '' };
}

/**
 * What the atlas says about one figure's entities, for that figure's sources (types.ts Surroundings): every merged
 * edge touching one of its entities, with the supports that name one of its sources, each statement cut to what the
 * filters read (filterFacts). For a figure about several sources, whose part of the data carries it
 * (data/model-parts.ts): over it, atlasMembership gives the figure's entities and edges the sources the whole atlas
 * gives them, as long as the active sources are the figure's own. Needs the whole model.
 */
export function surroundings(model: Model, figureId: string): Surroundings {
  const figure = model.figures.find((f) => f.id === figureId);
  if (!figure) throw new Error(`no figure ${figureId}`);
  const mine = new Set(figure.sources);
  const entities = new Set(figureView(model, figureId)!.nodes.map((n) => n.id));
  const cellFree = cellFreeSupports(model);
  const keys = new Set<string>();
  const edges: Surroundings['edges'][number][] = [];
  for (const e of atlasView(model).edges) {
    if (!entities.has(e.source) && !entities.has(e.target)) continue;
    const supports = e.supports
      .filter((s) => s.sources.some((x) => mine.has(x)))
      .map((s): EdgeSupport => ({ ...s, edge: filterFacts(s.edge) }));
    if (!supports.length) continue;
    edges.push({ id: e.id, source: e.source, target: e.target, relation: e.relation, sign: e.sign, supports });
    for (const s of supports) {
      const key = `${s.figure}/${s.edge.id}`;
      if (cellFree.has(key)) keys.add(key);
    }
  }
  return { edges, cellFree: [...keys] };
}
