/**
 * Overlays: which sources act on what, under the user's filters. Computed on the atlas (the union of all
 * figures), then applied to whatever view is shown, so a figure can show which of its factors other sources
 * also act on without moving anything.
 */
import { evidencePerReference } from './evidence.ts';
import type { Entity, EntityKind, InjuryModel, Setting, Sign, Species } from './schema.ts';
import type { Model, Surroundings } from './types.ts';
import type { EdgeSupport, GraphView } from './view.ts';

export interface Filters {
  /** Empty: any. */
  signs: Sign[];
  species: Species[];
  settings: Setting[];
  injuries: InjuryModel[];
  /** Only mechanisms carried by exosomes, microvesicles or conditioned medium. */
  cellFree: boolean;
}

export const NO_FILTERS: Filters = { signs: [], species: [], settings: [], injuries: [], cellFree: false };

export const filtersActive = (f: Filters) =>
  f.signs.length > 0 || f.species.length > 0 || f.settings.length > 0 || f.injuries.length > 0 || f.cellFree;

/**
 * Statements carried by vesicles: the source releasing them, and everything downstream of a vesicle node within
 * the same figure (exosome → miR-21 → PTEN → caspase-3 …).
 */
export function cellFreeSupports(model: Model): Set<string> {
  const out = new Set<string>();
  for (const fig of model.figures) {
    const kind = (id: string) => model.entities.get(id)?.kind;
    const next = new Map<string, string[]>();
    // Stryker disable next-line ArrayDeclaration: an invented successor starts no edge of the figure, so it changes nothing
    for (const e of fig.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
    const downstream = new Set<string>();
    const stack = fig.nodes.map((n) => n.entity).filter((id) => kind(id) === 'vesicle');
    while (stack.length) {
      const id = stack.pop()!;
      if (downstream.has(id)) continue;
      downstream.add(id);
      // Stryker disable next-line ArrayDeclaration: an invented successor starts no edge of the figure, so it changes nothing
      stack.push(...(next.get(id) ?? []));
    }
    for (const e of fig.edges) {
      if (downstream.has(e.source) || kind(e.target) === 'vesicle') out.add(`${fig.id}/${e.id}`);
    }
  }
  return out;
}

/**
 * Does a statement pass the filters? Its evidence is read reference by reference: one study must match every
 * filter (a rat study and a cisplatin study do not make a cisplatin-in-rats statement).
 */
export function supportPasses(s: EdgeSupport, f: Filters, sign: Sign, cellFree: ReadonlySet<string>): boolean {
  if (f.signs.length && !f.signs.includes(sign)) return false;
  if (f.cellFree && !cellFree.has(`${s.figure}/${s.edge.id}`)) return false;
  // Stryker disable next-line ConditionalExpression: a shortcut; without it every reference (there is always one) passes the empty filters below
  if (!f.species.length && !f.settings.length && !f.injuries.length) return true;
  return evidencePerReference(s.edge).some(({ evidence: ev }) => {
    if (f.species.length && !ev.species?.some((x) => f.species.includes(x))) return false;
    if (f.settings.length && !ev.setting?.some((x) => f.settings.includes(x))) return false;
    if (f.injuries.length && !ev.injury?.some((x) => f.injuries.includes(x.agent))) return false;
    return true;
  });
}

export interface ElementOverlay {
  /** Shown in full (else dimmed). */
  on: boolean;
  /** Active sources acting here (through statements passing the filters), in palette order. */
  sources: readonly string[];
  /**
   * Edges only: the combinations (entity ids) behind the statements shown, when the effect is a combination's
   * (its sources are the combination's member sources). Empty or absent for a single treatment's effect.
   */
  combinations?: readonly string[];
}

export interface Overlay {
  nodes: ReadonlyMap<string, ElementOverlay>;
  edges: ReadonlyMap<string, ElementOverlay>;
}

export interface SharedFactor {
  entity: Entity;
  sources: readonly string[];
}

/** Per-entity and per-edge sources over the atlas, restricted to active sources and filters. */
export function atlasMembership(atlas: Pick<GraphView, 'edges'> | Surroundings, active: readonly string[], filters: Filters, cellFree: ReadonlySet<string>, order: readonly string[]) {
  const activeSet = new Set(active);
  const rank = (s: string) => order.indexOf(s);
  const edges = new Map<string, string[]>();
  const nodes = new Map<string, Set<string>>();
  for (const e of atlas.edges) {
    const srcs = new Set<string>();
    for (const s of e.supports) {
      if (!supportPasses(s, filters, e.sign, cellFree)) continue;
      for (const src of s.sources) if (activeSet.has(src)) srcs.add(src);
    }
    const list = [...srcs].sort((a, b) => rank(a) - rank(b));
    edges.set(e.id, list);
    for (const end of [e.source, e.target]) {
      const set = nodes.get(end) ?? new Set<string>();
      list.forEach((s) => set.add(s));
      nodes.set(end, set);
    }
  }
  const nodeLists = new Map<string, string[]>();
  for (const [id, set] of nodes) nodeLists.set(id, [...set].sort((a, b) => rank(a) - rank(b)));
  return { edges, nodes: nodeLists };
}

/**
 * The overlay for a view. `own` are sources whose statements are always shown (a figure's own sources); in the
 * atlas it is empty and the active sources decide what is shown. `ownStatements`: every statement of the view is
 * its own, whatever source it names or none (a figure with no cell source of its own, such as a user's imported
 * network): each is shown when it passes the filters, and overlaid sources only mark what they also act on.
 */
export function computeOverlay(
  view: GraphView,
  membership: ReturnType<typeof atlasMembership>,
  filters: Filters,
  cellFree: ReadonlySet<string>,
  own: readonly string[] = [],
  ownStatements = false,
): Overlay {
  const edges = new Map<string, ElementOverlay>();
  const onNodes = new Set<string>();
  for (const e of view.edges) {
    const sources = membership.edges.get(e.id) ?? [];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; ownPasses is read only when own is not empty
    const ownPasses = own.length > 0 && e.supports.some((s) => s.sources.some((x) => own.includes(x)) && supportPasses(s, filters, e.sign, cellFree));
    const on = own.length > 0 ? ownPasses : ownStatements ? e.supports.some((s) => supportPasses(s, filters, e.sign, cellFree)) : sources.length > 0;
    const combinations = [...new Set(e.supports.flatMap((s) => (s.combination && supportPasses(s, filters, e.sign, cellFree) ? [s.combination] : [])))];
    edges.set(e.id, combinations.length ? { on, sources, combinations } : { on, sources });
    if (on) {
      onNodes.add(e.source);
      onNodes.add(e.target);
    }
  }
  const nodes = new Map<string, ElementOverlay>();
  for (const n of view.nodes) nodes.set(n.id, { on: onNodes.has(n.id), sources: membership.nodes.get(n.id) ?? [] });
  return { nodes, edges };
}

/** Entities acted on by two or more active sources, most shared first, optionally of some kinds only. */
export function sharedFactors(
  model: Model,
  membership: ReturnType<typeof atlasMembership>,
  kinds: readonly EntityKind[] = [],
): SharedFactor[] {
  const out: SharedFactor[] = [];
  for (const [id, sources] of membership.nodes) {
    const entity = model.entities.get(id);
    if (!entity || entity.kind === 'msc-source' || entity.kind === 'combination' || sources.length < 2) continue;
    if (kinds.length && !kinds.includes(entity.kind)) continue;
    out.push({ entity, sources });
  }
  return out.sort((a, b) => b.sources.length - a.sources.length || a.entity.label.localeCompare(b.entity.label));
}
