/**
 * The shipped data, loaded as the views need it (issue #10 point 2): a figure's part when the figure is opened, the
 * whole model on first use of the atlas, compare, a figure overlay, a path or search across figures
 * (data/model-parts.ts). Moving to a view whose data is missing loads it first and then moves (navigateAtom): the
 * drawing on screen stays until then, as it does while a layout loads. A model seeded whole (tests, the dev server)
 * has nothing to load, and every move happens at once.
 */
import { atom, type Setter } from 'jotai';
import { withAtlas, withPart, type ModelLoader } from '../data/model-parts.ts';
import { isImportId, withImports } from '../model/imported.ts';
import { isComplete, type Model } from '../model/types.ts';
import { baseModelAtom, importsAtom, modelAtom, noticeAtom, requireModel } from './atoms.ts';

/** Data a view needs: the whole model (`atlas`), or one figure's part. */
export type DataNeed = { atlas: true; figure?: undefined } | { figure: string; atlas?: undefined };

/** The whole model: the atlas, compare, a figure's overlay of other sources, a path, search, a user's graph. */
export const ATLAS: DataNeed = { atlas: true };

/**
 * What the view a link opens needs, read the way parseUrl reads the link: the whole model for the atlas, compare,
 * an overlay or a path; a user's imported graph (its nodes are the atlas's entities) too; else the figure it names,
 * or the first (a figure the review does not have opens the first).
 */
export function linkNeed(search: string, figureIds: readonly string[]): DataNeed {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  if (view === 'atlas' || view === 'compare' || params.get('overlay') || params.get('path')) return ATLAS;
  const figure = params.get('figure');
  if (figure && isImportId(figure)) return ATLAS;
  return { figure: figure !== null && figureIds.includes(figure) ? figure : figureIds[0]! };
}

/** A figure's need: its part, or the whole model for a user's imported graph. */
export const figureNeed = (id: string): DataNeed => (isImportId(id) ? ATLAS : { figure: id });

/** What of `need` the model lacks, or null. */
export function lacking(model: Model, need: DataNeed): DataNeed | null {
  if (isComplete(model)) return null;
  if (need.atlas) return ATLAS;
  return model.pending!.has(need.figure) ? need : null;
}

/** Where the parts come from: seeded by the app (data/shipped.ts); null for a model seeded whole. */
export const modelLoaderAtom = atom<ModelLoader | null>(null);

/** Requests under way, per loader: asking twice for the same part waits for the same request. */
const requests = new WeakMap<ModelLoader, Map<string, Promise<unknown>>>();

function request(loader: ModelLoader, need: DataNeed): Promise<unknown> {
  let mine = requests.get(loader);
  if (!mine) requests.set(loader, (mine = new Map()));
  const key = need.atlas
    ? // Stryker disable next-line StringLiteral: equivalent, any atlas key works that no figure's "figure:…" key equals, the empty one too
      'atlas'
    : `figure:${need.figure}`;
  let made = mine.get(key);
  if (!made) {
    made = need.atlas ? loader.atlas() : loader.figure(need.figure);
    mine.set(key, made);
    // Forgotten once settled: the model then has it, or a later attempt asks again (the network may be back).
    const forget = () => mine.delete(key);
    made.then(forget, forget);
  }
  return made;
}

/**
 * Loads what `need` lacks into the review's model (and the model with the user's graphs). Returns undefined when
 * nothing is missing, so a caller with everything goes on at once; else a promise of whether it loaded. A failure
 * (offline before the app was kept, say) changes nothing and says what could not be loaded.
 */
export const loadDataAtom = atom(null, (get, set, need: DataNeed): Promise<boolean> | undefined => {
  const lack = lacking(requireModel(get(modelAtom)), need);
  if (!lack) return undefined;
  const loader = get(modelLoaderAtom);
  if (!loader) return Promise.reject(new Error('The model has data still to load, but no loader was given'));
  return request(loader, lack).then(
    (json) => {
      const base = get(baseModelAtom) ?? requireModel(get(modelAtom));
      const merged = lack.atlas ? withAtlas(base, json as Parameters<typeof withAtlas>[1]) : withPart(base, json as Parameters<typeof withPart>[1]);
      if (merged !== base) {
        set(baseModelAtom, merged);
        set(modelAtom, withImports(merged, get(importsAtom)));
      }
      return true;
    },
    (e: unknown) => {
      const what = lack.atlas ? 'the atlas data' : `the data of ${lack.figure}`;
      set(noticeAtom, `Could not load ${what} (${e instanceof Error ? e.message : String(e)}); the view is unchanged. Check the connection and try again.`);
      return false;
    },
  );
});

/** The latest move asked for: a slower load finishing after a later move does not undo it. */
const moveAtom = atom(0);

/**
 * Moves to another view once its data is there: `go` sets the atoms, at once when nothing is missing, else after
 * the load (and not at all if the load fails or another move came after this one).
 */
export const navigateAtom = atom(null, (get, set, need: DataNeed, go: (set: Setter) => void): Promise<void> | undefined => {
  // Stryker disable next-line ArithmeticOperator: equivalent, counting down gives each move its own number as well
  const move = get(moveAtom) + 1;
  set(moveAtom, move);
  const loading = set(loadDataAtom, need);
  if (!loading) {
    go(set);
    return undefined;
  }
  return loading.then((loaded) => {
    if (loaded && get(moveAtom) === move) go(set);
  });
});
