/**
 * The atlas's layout as the state asks for it: the stage's shape, the label room kept for the default view (which
 * entities must be labelled, which carry source marks and count badges) and the layouts kept for a return.
 * The layout itself is tested in label-room.test.ts; here, what the atoms hand it.
 */
import { createStore } from 'jotai';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { activeLayout, ATLAS_ASPECT, DIFFERENCE_ASPECT, differenceLayout, type LabelRoom } from '../../src/layout/difference-layout.ts';
import { MAX_FIT_ZOOM } from '../../src/graph-view/fit.ts';
import { LOD_LABEL_PX } from '../../src/graph-view/label-lod.ts';
import { NO_FILTERS } from '../../src/model/overlay.ts';
import type { Model } from '../../src/model/types.ts';
import { atlasView } from '../../src/model/view.ts';
import {
  atlasLayoutAtom,
  atlasSourcesAtom,
  atlasViewAtom,
  compareViewsAtom,
  differenceLayoutAtom,
  filtersAtom,
  modeAtom,
  modelAtom,
  stageAspectAtom,
  stageFitAtom,
  stageShapeAtom,
} from '../../src/state/atoms.ts';
import { threeSources } from '../helpers/three-sources.ts';

vi.mock('../../src/layout/difference-layout.ts', { spy: true });
/** The layouts asked for since the test began (view, entities in play, aspect, label room). */
const calls = () => vi.mocked(activeLayout).mock.calls;

let model: Model;
let store: ReturnType<typeof createStore>;
beforeEach(() => {
  vi.mocked(activeLayout).mockClear();
  vi.mocked(differenceLayout).mockClear();
  model = threeSources();
  store = createStore();
  store.set(modelAtom, model);
  store.set(modeAtom, 'atlas');
});

const sorted = (s: ReadonlySet<string> | undefined) => [...(s ?? [])].sort();
const marks = (room: LabelRoom | undefined) => Object.fromEntries([...(room?.marks ?? [])].sort(([a], [b]) => a.localeCompare(b)));
/** The room the last layout was asked to keep. */
const lastRoom = () => calls().at(-1)![3];

describe('the stage the atlas is fitted into', () => {
  it('is unmeasured at first; its shape and fit box are set together', () => {
    expect(store.get(stageAspectAtom)).toBeNull();
    expect(store.get(stageFitAtom)).toBeNull();
    store.set(stageShapeAtom, 1.6, { width: 960, height: 600 });
    expect(store.get(stageAspectAtom)).toBe(1.6);
    expect(store.get(stageFitAtom)).toEqual({ width: 960, height: 600 });
  });

  it('lays the atlas out for the default shape and keeps no label room until the stage is measured', () => {
    const layout = store.get(atlasLayoutAtom)!;
    expect(calls()).toHaveLength(1);
    const [view, on, aspect, room] = calls()[0]!;
    expect(view).toBe(store.get(atlasViewAtom));
    expect(sorted(on)).toEqual(['factor', 'gene', 'outcome', 'src-a', 'src-b', 'src-c', 'vesicle']);
    expect(aspect).toBe(ATLAS_ASPECT);
    expect(room).toBeUndefined();
    expect(layout).toEqual(activeLayout(atlasView(model), on));
  });

  it('lays the atlas out for the measured shape', () => {
    store.set(stageShapeAtom, 2.5, { width: 1000, height: 400 });
    store.get(atlasLayoutAtom);
    expect(calls().at(-1)![2]).toBe(2.5);
  });

  it('shapes the difference diagram of the compare view too', () => {
    store.set(modeAtom, 'compare');
    const diff = store.get(compareViewsAtom)!.difference;
    store.get(differenceLayoutAtom);
    expect(vi.mocked(differenceLayout).mock.calls).toEqual([[diff, DIFFERENCE_ASPECT]]);
    store.set(stageShapeAtom, 0.8, { width: 480, height: 600 });
    store.get(differenceLayoutAtom);
    expect(vi.mocked(differenceLayout).mock.calls.at(-1)).toEqual([diff, 0.8]);
  });

  it('is not laid out outside the atlas', () => {
    store.set(stageShapeAtom, 1.6, { width: 960, height: 600 });
    store.set(modeAtom, 'figure');
    expect(store.get(atlasLayoutAtom)).toBeNull();
    store.set(modeAtom, 'compare');
    expect(store.get(atlasLayoutAtom)).toBeNull();
    expect(calls()).toHaveLength(0);
  });
});

describe('the label room the atlas keeps once its stage is measured', () => {
  it('with every source on: room for the sources, the outcomes and the factors two or more sources share', () => {
    store.set(stageShapeAtom, 1.6, { width: 960, height: 600 });
    store.get(atlasLayoutAtom);
    const room = lastRoom()!;
    expect(room.fit).toEqual({ width: 960, height: 600 });
    expect(room.maxZoom).toBe(MAX_FIT_ZOOM);
    expect(room.labelPx).toBe(LOD_LABEL_PX);
    // X and Z are acted on by all three sources, Y by A and B, the vesicle by C alone.
    expect(sorted(room.priority)).toEqual(['factor', 'gene', 'outcome', 'src-a', 'src-b', 'src-c']);
    expect(sorted(room.wanted)).toEqual(sorted(room.priority));
    // Source marks on what a source acts on (none on the sources themselves); a count badge where two or more do.
    expect(marks(room)).toEqual({ factor: { badge: true }, gene: { badge: true }, outcome: { badge: true }, vesicle: { badge: false } });
  });

  it('with some sources on: room for every entity in play, the priority among them', () => {
    store.set(stageShapeAtom, 1.6, { width: 960, height: 600 });
    store.set(atlasSourcesAtom, ['src-a', 'src-c']);
    store.get(atlasLayoutAtom);
    const room = lastRoom()!;
    expect(sorted(room.wanted)).toEqual(['factor', 'gene', 'outcome', 'src-a', 'src-c', 'vesicle']);
    // Y is acted on by A alone now: in play, marked, without a badge and not a priority.
    expect(sorted(room.priority)).toEqual(['factor', 'outcome', 'src-a', 'src-c']);
    expect(marks(room)).toEqual({ factor: { badge: true }, gene: { badge: false }, outcome: { badge: true }, vesicle: { badge: false } });
  });

  it('keeps no room for entities out of play', () => {
    store.set(stageShapeAtom, 1.6, { width: 960, height: 600 });
    store.set(atlasSourcesAtom, ['src-c']);
    store.get(atlasLayoutAtom);
    const room = lastRoom()!;
    expect(sorted(room.wanted)).toEqual(['factor', 'outcome', 'src-c', 'vesicle']);
    expect(sorted(room.priority)).toEqual(['outcome', 'src-c']);
    expect(marks(room)).toEqual({ factor: { badge: false }, outcome: { badge: false }, vesicle: { badge: false } });
  });

  it('counts only the statements the filters keep', () => {
    store.set(stageShapeAtom, 1.6, { width: 960, height: 600 });
    store.set(atlasSourcesAtom, ['src-a', 'src-b']);
    // Rat statements: A's Y → Z and B's X ⊣ Y; only B's reaches X.
    store.set(filtersAtom, { ...NO_FILTERS, species: ['rat'] });
    store.get(atlasLayoutAtom);
    const room = lastRoom()!;
    expect(marks(room)).toEqual({ factor: { badge: false }, gene: { badge: true }, outcome: { badge: false } });
  });
});

describe('atlas layouts kept for a return', () => {
  const fit = (width: number) => ({ width, height: 600 });

  it('finds the layout of a state seen before at once, and lays out a new one', () => {
    store.set(stageShapeAtom, 1.6, fit(960));
    const first = store.get(atlasLayoutAtom);
    store.set(atlasSourcesAtom, ['src-c']);
    const narrowed = store.get(atlasLayoutAtom);
    expect(calls()).toHaveLength(2);
    store.set(atlasSourcesAtom, null);
    expect(store.get(atlasLayoutAtom)).toBe(first);
    store.set(atlasSourcesAtom, ['src-c']);
    expect(store.get(atlasLayoutAtom)).toBe(narrowed);
    expect(calls()).toHaveLength(2);
    // Another stage size or shape is another layout.
    store.set(stageShapeAtom, 1.6, fit(961));
    store.get(atlasLayoutAtom);
    store.set(stageShapeAtom, 1.7, fit(961));
    store.get(atlasLayoutAtom);
    store.set(stageShapeAtom, 1.7, { width: 961, height: 601 });
    store.get(atlasLayoutAtom);
    expect(calls()).toHaveLength(5);
  });

  it('tells apart states that differ only in whether every source is on', () => {
    store.set(stageShapeAtom, 1.6, fit(960));
    // Under the rat filter C states nothing: with every source on, or with A and B, the same entities are in play with
    // the same marks, but every source on keeps room for the priority only.
    store.set(filtersAtom, { ...NO_FILTERS, species: ['rat'] });
    store.get(atlasLayoutAtom);
    const every = calls().at(-1)!;
    store.set(atlasSourcesAtom, ['src-a', 'src-b']);
    store.get(atlasLayoutAtom);
    expect(calls()).toHaveLength(2);
    const some = calls().at(-1)!;
    expect(sorted(some[1])).toEqual(sorted(every[1]));
    expect(marks(some[3])).toEqual(marks(every[3]));
    expect(sorted(every[3]!.wanted)).toEqual(sorted(every[3]!.priority));
    expect(sorted(some[3]!.wanted)).toEqual(sorted(some[1]));
    expect(sorted(some[3]!.wanted)).not.toEqual(sorted(every[3]!.wanted));
  });

  it('tells apart states that differ only in which labels get badges', () => {
    store.set(stageShapeAtom, 1.6, fit(960));
    store.set(atlasSourcesAtom, ['src-a', 'src-b']);
    // Decreases: X ⊣ Y by A and by B, Y → Z by A. Rat statements: B's X ⊣ Y, A's Y → Z. The same entities in play,
    // but X has one source under the rat filter: no badge, another layout.
    store.set(filtersAtom, { ...NO_FILTERS, signs: ['decrease'] });
    store.get(atlasLayoutAtom);
    expect(marks(lastRoom())).toEqual({ factor: { badge: true }, gene: { badge: true }, outcome: { badge: false } });
    store.set(filtersAtom, { ...NO_FILTERS, species: ['rat'] });
    store.get(atlasLayoutAtom);
    expect(marks(lastRoom())).toEqual({ factor: { badge: false }, gene: { badge: true }, outcome: { badge: false } });
    expect(sorted(calls()[1]![1])).toEqual(sorted(calls()[0]![1]));
    expect(sorted(lastRoom()!.wanted)).toEqual(sorted(calls()[0]![3]!.wanted));
    expect(calls()).toHaveLength(2);
  });

  it('keeps the 32 most recently used layouts', () => {
    const layouts: unknown[] = [];
    for (let w = 0; w < 32; w++) {
      store.set(stageShapeAtom, 1.6, fit(900 + w));
      layouts.push(store.get(atlasLayoutAtom));
    }
    expect(calls()).toHaveLength(32);
    // Using the oldest makes it the most recent: the next new layout pushes out the second oldest instead.
    store.set(stageShapeAtom, 1.6, fit(900));
    expect(store.get(atlasLayoutAtom)).toBe(layouts[0]);
    expect(calls()).toHaveLength(32);
    store.set(stageShapeAtom, 1.6, fit(932));
    store.get(atlasLayoutAtom);
    expect(calls()).toHaveLength(33);
    store.set(stageShapeAtom, 1.6, fit(900));
    expect(store.get(atlasLayoutAtom)).toBe(layouts[0]);
    store.set(stageShapeAtom, 1.6, fit(902));
    expect(store.get(atlasLayoutAtom)).toBe(layouts[2]);
    expect(calls()).toHaveLength(33);
    store.set(stageShapeAtom, 1.6, fit(901));
    expect(store.get(atlasLayoutAtom)).not.toBe(layouts[1]);
    expect(calls()).toHaveLength(34);
  });
});
