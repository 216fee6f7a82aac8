/**
 * What the user chose, as a few plain atoms; everything that follows from them is a derived atom.
 * The URL mirrors these atoms (use-url-sync.ts).
 */
import { atom, type PrimitiveAtom } from 'jotai';
import type { LayoutService } from '../layout/layout-service.ts';
import { isComplete, type Model } from '../model/types.ts';
import { withImports, type ImportedGraph } from '../model/imported.ts';
import { defaultCompare, type CompareState, type Selection, type UrlState, type ViewMode } from './choices.ts';
import { keepEqual } from './keep-equal.ts';

import { decorate } from '../theme/decorations.ts';
import { sourceColour } from '../theme/sources.ts';
import { atlasMembership, cellFreeSupports, computeOverlay, filtersActive, NO_FILTERS, sharedFactors, supportPasses, type Filters, type Overlay } from '../model/overlay.ts';
import { differenceOf } from '../model/compare.ts';
import { activeLayout, ATLAS_ASPECT, DIFFERENCE_ASPECT, differenceLayout, type ActiveLayout, type LabelRoom } from '../layout/difference-layout.ts';
import { MAX_FIT_ZOOM } from '../graph-view/fit.ts';
import { LOD_LABEL_PX } from '../graph-view/label-lod.ts';
import { explainPaths, type PathQuery } from '../model/paths.ts';
import type { EntityKind } from '../model/schema.ts';
import { atlasView, figureView, sideView, sourceIds, unionView, type EdgeSupport, type GraphView } from '../model/view.ts';
import type { Sign } from '../model/schema.ts';

export type { Selection, ViewMode } from './choices.ts';

/** The validated model. Seeded by the app from the bundled graphs (tests seed their own); imports add figures. */
export const modelAtom = atom<Model | null>(null);
/** The review's model, before the user's imported graphs are added (seeded with modelAtom). */
export const baseModelAtom = atom<Model | null>(null);
/** The user's imported graphs, as stored in this browser. */
export const importsAtom = atom<readonly ImportedGraph[]>([]);
/**
 * `?src=<address>` of the link the page opened with: a file to open. Read when this module loads, before the URL
 * mirror rewrites the address to the view's own choices; cleared once handled.
 */
export const linkSrcAtom = atom<string | null>(typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('src'));
/** True once the stored graphs have been read (or could not be): a link to an imported graph waits for it. */
export const importsReadyAtom = atom(false);
/** Replace the imported graphs: the model gains their figures, the layout service their positions. */
export const setImportsAtom = atom(null, (get, set, imports: readonly ImportedGraph[]) => {
  const base = get(baseModelAtom) ?? requireModel(get(modelAtom));
  const service = get(layoutServiceAtom);
  for (const g of imports) if (g.positions) service?.remember(`figure:${g.key}`, g.positions);
  set(baseModelAtom, base);
  set(importsAtom, imports);
  set(modelAtom, withImports(base, imports));
  set(importsReadyAtom, true);
});

export const modeAtom = atom<ViewMode>('figure');
/** Empty means the first figure. */
// Stryker disable next-line StringLiteral: equivalent, an id no figure has opens the first figure as the empty one does (currentFigureAtom), the one reader of its value (urlStateAtom reads it only to skip writing an equal one).
export const figureIdAtom = atom<string>('');
export const selectionAtom = atom<Selection>(null);
/** A message for the user that is not an error of theirs to fix right now (e.g. a stale link). */
export const noticeAtom = atom<string | null>(null);

export const requireModel = (model: Model | null): Model => {
  if (!model) throw new Error('modelAtom is not seeded');
  return model;
};

export const currentFigureAtom = atom((get) => {
  const model = requireModel(get(modelAtom));
  const id = get(figureIdAtom);
  return model.figures.find((f) => f.id === id) ?? model.figures[0]!;
});

const atlasAtom = atom((get) => atlasView(requireModel(get(modelAtom))));

/** The compare view's two sides and the union they are laid out from; null outside the compare view. */
export const compareViewsAtom = atom((get) => {
  if (get(modeAtom) !== 'compare') return null;
  const model = requireModel(get(modelAtom));
  const pair = get(compareAtom) ?? defaultCompare(model);
  // The user's filters (from the side panel or the link, e.g. &sign=decrease) narrow both sides.
  const filters = get(filtersAtom);
  const cellFree = get(cellFreeAtom);
  const keep = filtersActive(filters) ? (s: EdgeSupport, sign: Sign) => supportPasses(s, filters, sign, cellFree) : undefined;
  const left = sideView(model, pair.left, keep);
  const right = sideView(model, pair.right, keep);
  if (!left || !right) return null;
  const union = unionView(left, right);
  const difference = differenceOf(left, right, union);
  return { pair, left, right, union, difference };
});

/**
 * Width / height of the box the atlas or the difference diagram is fitted into on screen (its stage, measured by
 * the view that shows it); null until measured. Their grids are laid out for that shape, so the default view
 * uses the whole stage.
 */
export const stageAspectAtom = atom<number | null>(null);
/** The box, CSS px, the atlas's canvas fits its drawing into (its stage less padding and toolbar); null until measured. */
export const stageFitAtom = atom<{ width: number; height: number } | null>(null);
/** Sets the stage's shape and fit box together (graph-view/use-stage-aspect.ts), so the atlas is laid out once. */
export const stageShapeAtom = atom(null, (_get, set, aspect: number, fit: { width: number; height: number }) => {
  set(stageAspectAtom, aspect);
  set(stageFitAtom, fit);
});

/** The difference diagram's layout: computed here, at once (a few milliseconds), no worker and nothing to load. */
export const differenceLayoutAtom = atom((get) => {
  const compare = get(compareViewsAtom);
  return compare ? differenceLayout(compare.difference, get(stageAspectAtom) ?? DIFFERENCE_ASPECT) : null;
});

/** The graph the main canvas shows (in the compare view, the union of both sides). */
// The same object while its content is (keep-equal.ts): the rest of the data arriving changes nothing drawn.
export const currentViewAtom = keepEqual<GraphView>((get) => {
  if (get(modeAtom) === 'atlas') return get(atlasAtom);
  const compare = get(compareViewsAtom);
  if (compare) return compare.pair.display === 'twin' ? compare.union : compare.difference.view;
  const model = requireModel(get(modelAtom));
  return figureView(model, get(currentFigureAtom).id)!;
});

/** Where positions come from (precomputed, else the ELK worker). Seeded by the app; tests can seed a fake. */
export const layoutServiceAtom = atom<LayoutService | null>(null);

/**
 * A phone held upright (#9 point 6): figures are drawn from their portrait layouts (layout/portrait.ts), top to
 * bottom. app.css's phone rules use the same media query. Seeded by the app from the screen and kept up to date
 * when it turns.
 */
export { PHONE_PORTRAIT_QUERY } from '../prerender/portrait-picture.ts';
export const phonePortraitAtom = atom(false);

// ---- Overlays, filters, shared factors, paths (the atlas and the figure overlay) ----

/** Sources shown in the atlas; null means all. */
export const atlasSourcesAtom = atom<string[] | null>(null);
/** Other sources overlaid on the current figure. */
export const figureOverlayAtom = atom<string[]>([]);
export const filtersAtom = atom<Filters>(NO_FILTERS);
/** Kinds the Shared factors list is limited to; empty means all. */
export const sharedKindsAtom = atom<EntityKind[]>([]);
export const pathQueryAtom = atom<PathQuery | null>(null);
/** Which chain of the path result is highlighted; null highlights all. */
export const pathChainAtom = atom<number | null>(null);
/** A request to bring an entity into view (nonce so the same entity can be focused twice). */
export const focusAtom = atom<Focus | null>(null);
/** An entity to centre on, or several to fit (a highlighted path). */
export type Focus = { id: string; ids?: undefined; nonce: number } | { id?: undefined; ids: string[]; nonce: number };

export const sourceOrderAtom = atom((get) => sourceIds(requireModel(get(modelAtom))));
export const cellFreeAtom = atom((get) => {
  const model = requireModel(get(modelAtom));
  const keys = cellFreeSupports(model);
  // And those of other figures' statements that a loaded figure's data carries (model.around, below).
  for (const around of model.around?.values() ?? []) for (const key of around.cellFree) keys.add(key);
  return keys;
});
export const atlasViewAtom = atlasAtom;

/** The figure's own sources, always shown in the figure view. */
export const ownSourcesAtom = atom((get) => (get(modeAtom) === 'figure' ? get(currentFigureAtom).sources : []));

/** Sources whose statements are counted in the current view. */
export const activeSourcesAtom = atom((get) => {
  const order = get(sourceOrderAtom);
  if (get(modeAtom) === 'figure') {
    const own = get(ownSourcesAtom);
    return order.filter((s) => own.includes(s) || get(figureOverlayAtom).includes(s));
  }
  const chosen = get(atlasSourcesAtom);
  return chosen === null ? order : order.filter((s) => chosen.includes(s));
});

/** True once every figure's data is loaded (data.ts): the atlas, and whatever is read across figures, can be derived. */
export const dataCompleteAtom = atom((get) => isComplete(requireModel(get(modelAtom))));

/** The atlas, or null while its data is not loaded (the search box, which loads it on first use). */
export const loadedAtlasViewAtom = atom((get) => (get(dataCompleteAtom) ? get(atlasAtom) : null));

/**
 * On a figure about several sources whose model has only its own data yet (data.ts): what every figure states about
 * its entities for its sources, which its data carries (model/overlay.ts surroundings), while the active sources are
 * its own. Else undefined.
 */
const aroundAtom = atom((get) => {
  if (get(dataCompleteAtom) || get(modeAtom) !== 'figure') return undefined;
  const figure = get(currentFigureAtom);
  const around = requireModel(get(modelAtom)).around?.get(figure.id);
  return around && get(activeSourcesAtom).every((s) => figure.sources.includes(s)) ? around : undefined;
});

// Over the atlas; on a figure whose model has only its own data yet (data.ts), over what the figure's data says of
// the atlas around it (a figure about several sources, aroundAtom: the same as the atlas gives), else over the figure:
// the same overlay for what the figure shows with its own sources (which statements are on reads the figure's own;
// the sources marked on its elements are drawn only with an overlay, which loads the atlas first), and no shared
// factors (below).
export const membershipAtom = atom((get) =>
  atlasMembership(
    get(dataCompleteAtom) ? get(atlasAtom) : (get(aroundAtom) ?? get(currentViewAtom)),
    get(activeSourcesAtom),
    get(filtersAtom),
    get(cellFreeAtom),
    get(sourceOrderAtom),
  ),
);

// A figure naming no cell source of its own (a user's imported network) shows all its statements, as a review's
// figure shows its sources' (else, with no source overlaid, everything would be dimmed and its edges hidden);
// computeOverlay reads this only when the figure has no own sources.
export const overlayAtom = atom((get) => {
  const figureStatements = get(modeAtom) === 'figure';
  return computeOverlay(get(currentViewAtom), get(membershipAtom), get(filtersAtom), get(cellFreeAtom), get(ownSourcesAtom), figureStatements);
});

/**
 * The atlas as the active sources and filters leave it: what they act on laid out compactly (readable at the
 * default view), the rest parked below it. Recomputed, not loaded: a few milliseconds for the whole atlas.
 *
 * Once its stage is measured, the layout keeps room for the labels that must be read at the default view, at the
 * level of detail's size (layout/label-room.ts): every entity in play, or, when that cannot fit (every source on),
 * the cell sources, shared factors and ovarian outcomes (the overview's priority, features/main-graph).
 */
export const atlasLayoutAtom = atom((get) => {
  if (get(modeAtom) !== 'atlas') return null;
  const view = get(atlasAtom);
  const overlay = get(overlayAtom);
  const on = new Set([...overlay.nodes].filter(([, o]) => o.on).map(([id]) => id));
  const fit = get(stageFitAtom);
  const room = fit ? labelRoom(view, overlay, on, fit, get(activeSourcesAtom).length === sourceIds(requireModel(get(modelAtom))).length) : undefined;
  return cachedActiveLayout(view, on, get(stageAspectAtom) ?? ATLAS_ASPECT, room);
});

function labelRoom(view: GraphView, overlay: Overlay, on: ReadonlySet<string>, fit: { width: number; height: number }, everySource: boolean): LabelRoom {
  const marks = new Map<string, { badge: boolean }>();
  const priority = new Set<string>();
  for (const n of view.nodes) {
    if (!on.has(n.id)) continue;
    const sources = n.entity.kind === 'msc-source' ? 0 : (overlay.nodes.get(n.id)?.sources.length ?? 0);
    if (sources) marks.set(n.id, { badge: sources >= 2 });
    if (n.entity.kind === 'msc-source' || n.entity.kind === 'ovarian-outcome' || sources >= 2) priority.add(n.id);
  }
  // With every source on, the overview labels its priority and the rest as the reader zooms in (issue #9, point 2).
  return { fit, maxZoom: MAX_FIT_ZOOM, labelPx: LOD_LABEL_PX, wanted: everySource ? priority : on, priority, marks };
}

/**
 * Atlas layouts by the entities in play, kept for the last few states: a source switched off and on again, a
 * filter cleared, or a return to the atlas finds its layout at once instead of computing it again.
 */
const atlasLayouts = new WeakMap<GraphView, Map<string, ActiveLayout>>();
const ATLAS_LAYOUTS_KEPT = 32;
function cachedActiveLayout(view: GraphView, on: ReadonlySet<string>, aspect: number, room?: LabelRoom): ActiveLayout {
  let cache = atlasLayouts.get(view);
  if (!cache) atlasLayouts.set(view, (cache = new Map()));
  // The sets and marks are listed in the view's order, the same for the same view.
  const key = JSON.stringify([aspect, [...on], room && [room.fit, [...room.wanted], [...room.marks]]]);
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last, so the oldest goes first.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const made = activeLayout(view, on, aspect, room);
  cache.set(key, made);
  if (cache.size > ATLAS_LAYOUTS_KEPT) cache.delete(cache.keys().next().value!);
  return made;
}

/**
 * Entities two or more active sources act on. Null while that needs statements of other figures that are not loaded
 * yet: sources overlaid on a figure before the atlas data is there (the list loads it). A figure about several
 * sources (Fig. 7) carries what its own share (aroundAtom).
 */
export const sharedFactorsAtom = atom((get) => {
  const model = requireModel(get(modelAtom));
  // With one source there is nothing shared, whatever the other figures say.
  if (!isComplete(model) && get(activeSourcesAtom).length >= 2 && !get(aroundAtom)) return null;
  const shared = sharedFactors(model, get(membershipAtom), get(sharedKindsAtom));
  // In a figure, only its own factors are of interest.
  if (get(modeAtom) !== 'figure') return shared;
  const inView = new Set(get(currentViewAtom).nodes.map((n) => n.id));
  return shared.filter((s) => inView.has(s.entity.id));
});

export const pathResultAtom = atom((get) => {
  const q = get(pathQueryAtom);
  if (!q?.from || !q.to) return null;
  const overlay = get(overlayAtom);
  // Stryker disable next-line OptionalChaining,BooleanLiteral: equivalent, the overlay is computed over this same view, so every edge has an entry.
  return explainPaths(get(currentViewAtom), q, (e) => overlay.edges.get(e.id)?.on ?? false);
});

/** Elements of the highlighted chain(s), or null when no path is being explained. */
export const pathHighlightAtom = atom((get) => {
  const result = get(pathResultAtom);
  if (!result || result.chains.length === 0) return null;
  const which = get(pathChainAtom);
  // A chain number the current result does not have (filters changed since) highlights all, never nothing.
  const chains = which === null || which >= result.chains.length ? result.chains : result.chains.slice(which, which + 1);
  const edges = new Set(chains.flatMap((c) => c.edges.map((e) => e.id)));
  const nodes = new Set(chains.flatMap((c) => c.edges.flatMap((e) => [e.source, e.target])));
  return { nodes, edges };
});

/** The compare view's two sides and whether their viewports move together. */
export const compareAtom = atom<CompareState | null>(null);

/** Everything the URL mirrors, read and written as one value. */
export const urlStateAtom = atom(
  (get): UrlState => ({
    mode: get(modeAtom),
    figure: get(currentFigureAtom).id,
    selection: get(selectionAtom),
    atlasSources: get(atlasSourcesAtom),
    overlay: get(figureOverlayAtom),
    filters: get(filtersAtom),
    kinds: get(sharedKindsAtom),
    path: get(pathQueryAtom),
    chain: get(pathChainAtom),
    compare: get(compareAtom),
  }),
  (get, set, s: UrlState) => {
    // Only what differs: the address read again at start (or after back/forward) repeats most of the state, and a
    // new but equal array or object would recompute every overlay, decoration and style derived from it.
    const put = <T,>(a: PrimitiveAtom<T>, v: T) => {
      const old = get(a);
      // Stryker disable next-line ConditionalExpression: equivalent, a shortcut: the same value gives the same JSON.
      if (old !== v && JSON.stringify(old) !== JSON.stringify(v)) set(a, v);
    };
    put(modeAtom, s.mode);
    put(figureIdAtom, s.figure);
    put(selectionAtom, s.selection);
    put(atlasSourcesAtom, s.atlasSources);
    put(figureOverlayAtom, s.overlay);
    put(filtersAtom, s.filters);
    put(sharedKindsAtom, s.kinds);
    put(pathQueryAtom, s.path);
    put(pathChainAtom, s.chain);
    put(compareAtom, s.compare);
  },
);

/** The left panel (sources, filters, paths): 'auto' opens it in the atlas and closes it on a figure. */
export const sidePanelAtom = atom<'auto' | 'open' | 'closed'>('auto');
export const sidePanelOpenAtom = atom((get) => {
  const pref = get(sidePanelAtom);
  return pref === 'auto' ? get(modeAtom) !== 'figure' : pref === 'open';
});

/** How the current view's overlay looks (dimmed elements, source colours, path highlight). */
export const decorationsAtom = keepEqual((get) => {
  const order = get(sourceOrderAtom);
  const showSources = get(modeAtom) !== 'figure' || get(figureOverlayAtom).length > 0;
  return decorate(get(currentViewAtom), get(overlayAtom), (s) => sourceColour(order, s), get(pathHighlightAtom), showSources);
});

/** Entity under the pointer in either compare pane, highlighted in both. */
export const hoverAtom = atom<string | null>(null);
