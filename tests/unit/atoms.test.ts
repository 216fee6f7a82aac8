import { createStore } from 'jotai';
import { beforeEach, describe, expect, it } from 'vitest';
import { activeLayout, differenceLayout } from '../../src/layout/difference-layout.ts';
import type { LayoutService } from '../../src/layout/layout-service.ts';
import type { Positions } from '../../src/layout/types.ts';
import { differenceOf } from '../../src/model/compare.ts';
import type { ImportedGraph } from '../../src/model/imported.ts';
import { atlasMembership, cellFreeSupports, computeOverlay, NO_FILTERS, supportPasses } from '../../src/model/overlay.ts';
import type { Model } from '../../src/model/types.ts';
import { atlasView, figureView, sideView, sourceIds, unionView } from '../../src/model/view.ts';
import {
  activeSourcesAtom,
  atlasLayoutAtom,
  atlasSourcesAtom,
  baseModelAtom,
  compareAtom,
  compareViewsAtom,
  currentFigureAtom,
  currentViewAtom,
  decorationsAtom,
  differenceLayoutAtom,
  figureIdAtom,
  figureOverlayAtom,
  filtersAtom,
  importsAtom,
  importsReadyAtom,
  layoutServiceAtom,
  membershipAtom,
  modeAtom,
  modelAtom,
  overlayAtom,
  ownSourcesAtom,
  pathChainAtom,
  pathHighlightAtom,
  pathQueryAtom,
  pathResultAtom,
  selectionAtom,
  setImportsAtom,
  sharedFactorsAtom,
  sharedKindsAtom,
  sidePanelAtom,
  sidePanelOpenAtom,
  urlStateAtom,
} from '../../src/state/atoms.ts';
import type { UrlState } from '../../src/state/choices.ts';
import { validateGraphs } from '../../src/model/validate.ts';
import { figure, files } from '../helpers/fixtures.ts';
import { threeSources } from '../helpers/three-sources.ts';

let model: Model;
let store: ReturnType<typeof createStore>;
// Built in each test rather than at import, so mutation testing knows which tests run which code.
beforeEach(() => {
  model = threeSources();
  store = createStore();
  store.set(modelAtom, model);
});
const ALL = ['src-a', 'src-b', 'src-c'];
const ids = (xs: Iterable<{ id: string }>) => [...xs].map((x) => x.id).sort();

describe('what the user chose, and what follows from it', () => {
  it('needs a model before anything can be derived', () => {
    const empty = createStore();
    expect(() => empty.get(currentFigureAtom)).toThrow('modelAtom is not seeded');
  });

  it('shows the chosen figure, or the first one when none or an unknown one is chosen', () => {
    expect(store.get(currentFigureAtom).id).toBe('f1');
    store.set(figureIdAtom, 'f2');
    expect(store.get(currentFigureAtom).id).toBe('f2');
    expect(store.get(currentViewAtom)).toEqual(figureView(model, 'f2'));
    store.set(figureIdAtom, 'nope');
    expect(store.get(currentFigureAtom).id).toBe('f1');
  });

  it('shows the atlas in the atlas view, with every source active unless some are chosen, in palette order', () => {
    store.set(modeAtom, 'atlas');
    expect(store.get(currentViewAtom)).toEqual(atlasView(model));
    expect(store.get(ownSourcesAtom)).toEqual([]);
    expect(store.get(activeSourcesAtom)).toEqual(ALL);
    store.set(atlasSourcesAtom, ['src-c', 'src-a']);
    expect(store.get(activeSourcesAtom)).toEqual(['src-a', 'src-c']);
    store.set(atlasSourcesAtom, []);
    expect(store.get(activeSourcesAtom)).toEqual([]);
  });

  it('counts a figure\'s own sources and the overlaid ones, whatever the atlas choice', () => {
    store.set(atlasSourcesAtom, ['src-b']);
    expect(store.get(ownSourcesAtom)).toEqual(['src-a']);
    expect(store.get(activeSourcesAtom)).toEqual(['src-a']);
    store.set(figureOverlayAtom, ['src-c']);
    expect(store.get(activeSourcesAtom)).toEqual(['src-a', 'src-c']);
  });

  it('works out membership and the overlay from the active sources, filters and the figure\'s own sources', () => {
    store.set(figureOverlayAtom, ['src-b']);
    store.set(filtersAtom, { ...NO_FILTERS, species: ['rat'] });
    const atlas = atlasView(model);
    const filters = { ...NO_FILTERS, species: ['rat' as const] };
    const membership = atlasMembership(atlas, ['src-a', 'src-b'], filters, cellFreeSupports(model), sourceIds(model));
    expect(store.get(membershipAtom)).toEqual(membership);
    expect(store.get(overlayAtom)).toEqual(computeOverlay(figureView(model, 'f1')!, membership, filters, cellFreeSupports(model), ['src-a']));
    // Under the rat filter, only Y → Z of Fig. 1 is shown.
    const on = [...store.get(overlayAtom).edges].filter(([, o]) => o.on).map(([id]) => id);
    expect(on).toHaveLength(1);
    expect(figureView(model, 'f1')!.edges.find((e) => e.id === on[0])).toMatchObject({ source: 'gene', target: 'outcome' });
  });

  it('lays the atlas out around what the active sources act on, and only in the atlas view', () => {
    expect(store.get(atlasLayoutAtom)).toBeNull();
    store.set(modeAtom, 'atlas');
    store.set(atlasSourcesAtom, ['src-c']);
    const overlay = store.get(overlayAtom);
    const on = new Set([...overlay.nodes].filter(([, o]) => o.on).map(([id]) => id));
    expect([...on].sort()).toEqual(['factor', 'outcome', 'src-c', 'vesicle']);
    expect(store.get(atlasLayoutAtom)).toEqual(activeLayout(atlasView(model), on));
  });

  it('lists factors shared by two or more active sources; in a figure only its own, optionally of some kinds', () => {
    store.set(modeAtom, 'atlas');
    const shared = () => store.get(sharedFactorsAtom)!.map((s) => [s.entity.id, s.sources]);
    expect(shared()).toEqual([['factor', ALL], ['outcome', ALL], ['gene', ['src-a', 'src-b']]]);
    store.set(sharedKindsAtom, ['gene-or-protein']);
    expect(shared()).toEqual([['gene', ['src-a', 'src-b']]]);
    store.set(sharedKindsAtom, []);
    store.set(modeAtom, 'figure');
    store.set(figureIdAtom, 'f3');
    store.set(figureOverlayAtom, ['src-a', 'src-b']);
    expect(shared()).toEqual([['factor', ALL], ['outcome', ALL]]);
    // Compare lists what the active sources share, whether or not the pair draws it (C alone draws no Y).
    store.set(modeAtom, 'compare');
    store.set(compareAtom, { left: { type: 'source', id: 'src-c' }, right: { type: 'figure', id: 'f3' }, linked: true });
    expect(store.get(currentViewAtom).nodes.some((n) => n.id === 'gene')).toBe(false);
    expect(shared()).toEqual([['factor', ALL], ['outcome', ALL], ['gene', ['src-a', 'src-b']]]);
  });

  it('explains paths only when both ends are given, and highlights the chosen chain or, out of range, all', () => {
    // Fig. 1 with a second way from A to Z: A → promotes Z, besides A → X ⊣ Y → Z.
    const f = figure();
    f.edges.push({ id: 'e4', source: 'src-a', target: 'outcome', relation: 'promotes', refs: [4], section: 'effects', evidence: {}, note: 'A raises Z.' });
    store.set(modelAtom, validateGraphs(files({ figures: { 'figures/f1.json': f } })).model!);
    store.set(modeAtom, 'atlas');
    expect(store.get(pathResultAtom)).toBeNull();
    expect(store.get(pathHighlightAtom)).toBeNull();
    store.set(pathQueryAtom, { from: 'src-a', to: '' });
    expect(store.get(pathResultAtom)).toBeNull();
    store.set(pathQueryAtom, { from: '', to: 'outcome' });
    expect(store.get(pathResultAtom)).toBeNull();
    store.set(pathQueryAtom, { from: 'outcome', to: 'src-a' });
    expect(store.get(pathResultAtom)!.chains).toEqual([]);
    expect(store.get(pathHighlightAtom)).toBeNull();
    store.set(pathQueryAtom, { from: 'src-a', to: 'outcome' });
    const chains = store.get(pathResultAtom)!.chains;
    const chainIds = chains.map((c) => c.edges.map((e) => e.id));
    expect(chainIds.map((c) => c.length)).toEqual([1, 3]);
    const all = store.get(pathHighlightAtom)!;
    expect([...all.edges].sort()).toEqual([...new Set(chainIds.flat())].sort());
    expect([...all.nodes].sort()).toEqual([...new Set(chains.flatMap((c) => c.edges.flatMap((e) => [e.source, e.target])))].sort());
    store.set(pathChainAtom, 1);
    expect([...store.get(pathHighlightAtom)!.edges].sort()).toEqual([...chainIds[1]!].sort());
    expect([...store.get(pathHighlightAtom)!.nodes].sort()).toEqual([...new Set(chains[1]!.edges.flatMap((e) => [e.source, e.target]))].sort());
    store.set(pathChainAtom, 0);
    expect([...store.get(pathHighlightAtom)!.edges].sort()).toEqual([...chainIds[0]!].sort());
    store.set(pathChainAtom, chains.length);
    expect(store.get(pathHighlightAtom)).toEqual(all);
    // Only edges the overlay shows are walked: with no source on, A reaches nothing.
    store.set(pathChainAtom, null);
    store.set(atlasSourcesAtom, []);
    expect(store.get(pathResultAtom)!.chains).toEqual([]);
  });
});

describe('the compare view', () => {
  it('is absent outside compare, and opens on the first two sources when no pair is chosen', () => {
    expect(store.get(compareViewsAtom)).toBeNull();
    expect(store.get(differenceLayoutAtom)).toBeNull();
    store.set(modeAtom, 'compare');
    const c = store.get(compareViewsAtom)!;
    expect(c.pair).toEqual({ left: { type: 'source', id: 'src-a' }, right: { type: 'source', id: 'src-b' }, linked: true });
    expect(c.left).toEqual(sideView(model, c.pair.left));
    expect(c.right).toEqual(sideView(model, c.pair.right));
    expect(c.union).toEqual(unionView(c.left, c.right));
    expect(c.difference).toEqual(differenceOf(c.left, c.right, c.union));
    expect(store.get(currentViewAtom)).toBe(c.difference.view);
    expect(store.get(differenceLayoutAtom)).toEqual(differenceLayout(c.difference));
  });

  it('shows the union in twin panes, and the chosen sides', () => {
    store.set(modeAtom, 'compare');
    store.set(compareAtom, { left: { type: 'figure', id: 'f3' }, right: { type: 'source', id: 'src-b' }, linked: false, display: 'twin' });
    const c = store.get(compareViewsAtom)!;
    expect(c.left).toEqual(sideView(model, { type: 'figure', id: 'f3' }));
    expect(store.get(currentViewAtom)).toBe(c.union);
    store.set(compareAtom, { ...c.pair, display: 'difference' });
    expect(store.get(currentViewAtom)).toBe(store.get(compareViewsAtom)!.difference.view);
  });

  it('narrows both sides by the filters, and has nothing to show for a side that does not exist', () => {
    store.set(modeAtom, 'compare');
    const unfiltered = store.get(compareViewsAtom)!;
    const decrease = { ...NO_FILTERS, signs: ['decrease' as const] };
    store.set(filtersAtom, decrease);
    const c = store.get(compareViewsAtom)!;
    const keep = (s: Parameters<typeof supportPasses>[0], sign: Parameters<typeof supportPasses>[2]) => supportPasses(s, decrease, sign, cellFreeSupports(model));
    expect(c.left).toEqual(sideView(model, c.pair.left, keep));
    expect(c.right).toEqual(sideView(model, c.pair.right, keep));
    expect(c.right.edges.length).toBeLessThan(unfiltered.right.edges.length);
    expect(c.right.edges.length).toBeGreaterThan(0);
    // A filter that leaves a side empty leaves nothing to compare (source A has nothing in humans).
    store.set(filtersAtom, { ...NO_FILTERS, species: ['human'] });
    expect(store.get(compareViewsAtom)).toBeNull();
    store.set(filtersAtom, NO_FILTERS);
    store.set(compareAtom, { left: { type: 'source', id: 'src-a' }, right: { type: 'figure', id: 'gone' }, linked: true });
    expect(store.get(compareViewsAtom)).toBeNull();
    store.set(compareAtom, { left: { type: 'figure', id: 'gone' }, right: { type: 'source', id: 'src-a' }, linked: true });
    expect(store.get(compareViewsAtom)).toBeNull();
  });
});

describe('the URL state, the side panel and decorations', () => {
  it('reads and writes every choice as one value', () => {
    const s: UrlState = {
      mode: 'atlas',
      figure: 'f2',
      selection: { type: 'node', id: 'factor' },
      atlasSources: ['src-b'],
      overlay: ['src-c'],
      filters: { ...NO_FILTERS, signs: ['decrease'] },
      kinds: ['secreted-factor'],
      path: { from: 'src-b', to: 'outcome' },
      chain: 0,
      compare: { left: { type: 'source', id: 'src-a' }, right: { type: 'figure', id: 'f3' }, linked: false },
    };
    store.set(urlStateAtom, s);
    expect(store.get(urlStateAtom)).toEqual(s);
    expect(store.get(selectionAtom)).toEqual(s.selection);
    expect(store.get(figureIdAtom)).toBe('f2');
    expect(store.get(sharedKindsAtom)).toEqual(['secreted-factor']);
  });

  it('opens the side panel by itself outside a figure, unless the user chose', () => {
    expect(store.get(sidePanelOpenAtom)).toBe(false);
    store.set(modeAtom, 'atlas');
    expect(store.get(sidePanelOpenAtom)).toBe(true);
    store.set(modeAtom, 'compare');
    expect(store.get(sidePanelOpenAtom)).toBe(true);
    store.set(sidePanelAtom, 'closed');
    expect(store.get(sidePanelOpenAtom)).toBe(false);
    store.set(modeAtom, 'figure');
    store.set(sidePanelAtom, 'open');
    expect(store.get(sidePanelOpenAtom)).toBe(true);
  });

  it('shows source colours in the atlas and on a figure with others overlaid, never on a figure alone', () => {
    const colours = () => [...store.get(decorationsAtom).nodes.values()].flatMap((d) => d.sourceColours);
    expect(colours()).toEqual([]);
    expect(store.get(decorationsAtom).nodes.get('src-a')?.ownColour).toBeUndefined();
    store.set(figureOverlayAtom, ['src-b']);
    expect(store.get(decorationsAtom).nodes.get('factor')!.sourceColours).toHaveLength(2);
    expect(store.get(decorationsAtom).nodes.get('src-a')!.ownColour).toEqual(expect.any(String));
    store.set(figureOverlayAtom, []);
    store.set(modeAtom, 'atlas');
    expect(store.get(decorationsAtom).nodes.get('factor')!.sourceColours).toHaveLength(3);
    store.set(pathQueryAtom, { from: 'src-a', to: 'gene' });
    expect(store.get(decorationsAtom).nodes.get('gene')!.highlight).toBe('on');
    expect(store.get(decorationsAtom).nodes.get('src-c')!.highlight).toBe('faded');
  });

  it('shows every statement of a figure naming no source of its own, and nothing in an atlas with no source on', () => {
    const f1 = model.figures[0]!;
    const own = { key: 'import-a', name: 'a', file: 'a.sif', format: 'SIF', importedAt: '', figure: { ...f1, id: 'import-a', sources: [] }, entities: [], references: [], matches: {}, stats: { nodes: 3, edges: 3, matched: 3, isolated: 0 } } as ImportedGraph;
    store.set(setImportsAtom, [own]);
    store.set(figureIdAtom, 'import-a');
    const on = (kind: 'edges' | 'nodes') => [...store.get(overlayAtom)[kind]].filter(([, o]) => o.on).map(([id]) => id).sort();
    expect(store.get(ownSourcesAtom)).toEqual([]);
    const all = store.get(currentViewAtom).edges.map((e) => e.id).sort();
    expect(all).toHaveLength(3);
    expect(on('edges')).toEqual(all);
    // Its filters still apply: only Y → Z is a rat statement.
    store.set(filtersAtom, { ...NO_FILTERS, species: ['rat'] });
    expect(on('edges')).toEqual(['gene~reduces~outcome']);
    store.set(filtersAtom, NO_FILTERS);
    // A review figure shows its own sources' statements; the atlas with no source chosen shows none.
    store.set(figureIdAtom, 'f1');
    expect(on('edges')).toEqual(all);
    store.set(modeAtom, 'atlas');
    store.set(atlasSourcesAtom, []);
    expect(on('edges')).toEqual([]);
    expect(on('nodes')).toEqual([]);
  });

  it('adds imported graphs before a layout service exists', () => {
    const positions: Positions = { hash: '', nodes: {}, edges: {}, width: 1, height: 1 };
    const g = { key: 'import-a', name: 'a', file: 'a.sif', format: 'SIF', importedAt: '', figure: { ...model.figures[0]!, id: 'import-a' }, entities: [], references: [], matches: {}, stats: { nodes: 1, edges: 1, matched: 0, isolated: 0 }, positions } as ImportedGraph;
    store.set(setImportsAtom, [g]);
    expect(store.get(importsReadyAtom)).toBe(true);
    expect(ids(store.get(modelAtom)!.figures)).toEqual(['f1', 'f2', 'f3', 'import-a']);
  });

  it('adds imported graphs to the model as figures, keeps the review\'s model, and hands their positions to the layout', () => {
    const remembered: [string, Positions][] = [];
    store.set(layoutServiceAtom, { remember: (key: string, p: Positions) => remembered.push([key, p]) } as unknown as LayoutService);
    const f1 = model.figures[0]!;
    const positions: Positions = { hash: '', nodes: {}, edges: {}, width: 1, height: 1 };
    const graph = (key: string, withPositions: boolean) =>
      ({ key, name: key, file: `${key}.sif`, format: 'SIF', importedAt: '', figure: { ...f1, id: key }, entities: [{ id: `${key}-e`, label: 'E', kind: 'gene-or-protein', synonyms: [], xrefs: [] }], references: [], matches: {}, stats: { nodes: 1, edges: 1, matched: 0, isolated: 0 }, ...(withPositions ? { positions } : {}) }) as ImportedGraph;
    expect(store.get(importsReadyAtom)).toBe(false);
    store.set(setImportsAtom, [graph('import-a', true), graph('import-b', false)]);
    expect(store.get(importsReadyAtom)).toBe(true);
    expect(store.get(baseModelAtom)).toBe(model);
    expect(store.get(importsAtom).map((g) => g.key)).toEqual(['import-a', 'import-b']);
    expect(ids(store.get(modelAtom)!.figures)).toEqual(['f1', 'f2', 'f3', 'import-a', 'import-b']);
    expect(store.get(modelAtom)!.entities.has('import-a-e')).toBe(true);
    expect(remembered).toEqual([['figure:import-a', positions]]);
    // Replacing the imports starts again from the review's model, not from the model with the old imports.
    store.set(setImportsAtom, [graph('import-c', false)]);
    expect(ids(store.get(modelAtom)!.figures)).toEqual(['f1', 'f2', 'f3', 'import-c']);
    expect(store.get(modelAtom)!.entities.has('import-a-e')).toBe(false);
    expect(store.get(baseModelAtom)).toBe(model);
  });
});
