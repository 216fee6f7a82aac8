/**
 * Positions for a view: laid out on the spot when that takes milliseconds (a compare pair's union: twin-layout.ts),
 * else the precomputed layout when its hash matches (every shipped figure), otherwise ELK in a Web Worker, loaded
 * on first need with a dynamic import so elkjs stays out of the start-up bundle.
 * Precomputed layouts are either all at hand (tests, Node) or loaded per view on first need (the app: one file
 * per view, src/data/layouts.ts); once loaded, a view's layout is answered synchronously.
 */
import type { GraphView } from '../model/view.ts';
import { layoutInput } from './layout-input.ts';
import type { PortraitLayoutFile } from './portrait.ts';
import { layoutOnTheSpot } from './twin-layout.ts';
import { layoutHash, type LayoutEngine, type LayoutInput, type Positions } from './types.ts';

/**
 * Which drawing of a view: the usual one, or (on a phone held upright) its portrait layout, top to bottom
 * (portrait.ts). A view with no valid portrait layout stored (an imported graph, a figure edited since
 * `npm run layouts`) gets the usual one.
 */
export type LayoutVariant = 'portrait' | undefined;

export interface LayoutService {
  /** Synchronous answer when a cached layout fits, so the first paint needs no promise. */
  cached(view: GraphView, variant?: LayoutVariant): Positions | undefined;
  positions(view: GraphView, variant?: LayoutVariant): Promise<Positions>;
  /** Positions computed elsewhere for a view key (an imported graph, laid out in the import worker). */
  remember(viewKey: string, positions: Positions): void;
}

/** Loads the precomputed layout stored for a view key, if any. */
export type PrecomputedLoader = (key: string) => Promise<Positions | undefined>;

export function createLayoutService(
  precomputedLayouts: Record<string, Positions> | PrecomputedLoader,
  loadEngine: () => Promise<LayoutEngine> = async () => (await import('./worker-engine.ts')).createWorkerEngine(),
  /** Views laid out on the main thread at once (pure and fast), never sent to ELK. */
  onTheSpot: (view: GraphView) => Positions | undefined = layoutOnTheSpot,
): LayoutService {
  const computed = new Map<string, Promise<Positions>>();
  // Precomputed layouts loaded so far, by view key.
  const precomputed: Record<string, Positions> = typeof precomputedLayouts === 'function' ? {} : { ...precomputedLayouts };
  const loadPrecomputed: PrecomputedLoader =
    typeof precomputedLayouts === 'function'
      ? async (key) => {
          const hit = await precomputedLayouts(key);
          if (hit) precomputed[key] = hit;
          return hit;
        }
      : async () => undefined;
  let engine: Promise<LayoutEngine> | undefined;
  // Views are derived once per state (jotai atoms), so their layout input and hash are computed once per view
  // object, not on every render that asks.
  const inputs = new WeakMap<GraphView, { input: LayoutInput; hash: string }>();
  const inputOf = (view: GraphView) => {
    let entry = inputs.get(view);
    if (!entry) {
      const input = layoutInput(view);
      entry = { input, hash: layoutHash(input) };
      inputs.set(view, entry);
    }
    return entry;
  };
  // Views are derived once per state, so an on-the-spot layout is computed once per view object.
  const spot = new WeakMap<GraphView, Positions | null>();
  const cached = (view: GraphView) => {
    let local = spot.get(view);
    if (local === undefined) {
      local = onTheSpot(view) ?? null;
      spot.set(view, local);
    }
    if (local) return local;
    const hit = precomputed[view.key];
    return hit && hit.hash === inputOf(view).hash ? hit : undefined;
  };
  // Portrait layouts: the stored file is valid when its hash is that of the view laid out in the file's own shape.
  // Checked once per view object, with portrait.ts loaded on first need (only phones held upright ask: it stays
  // out of the start-up bundle); `false` when there is none, or a stale one: the usual drawing then.
  const portraits = new WeakMap<GraphView, Positions | false>();
  let portraitModule: typeof import('./portrait.ts') | undefined;
  // Portrait files asked for so far, by key (undefined: there is none).
  const loadedPortraits = new Map<string, Positions | undefined>();
  const loadingPortraits = new Map<string, Promise<unknown>>();
  /** The view's valid portrait layout, false when it has none, undefined when that is not known yet. */
  const portraitOf = (view: GraphView): Positions | false | undefined => {
    const known = portraits.get(view);
    if (known !== undefined || !portraitModule) return known;
    const key = portraitModule.portraitKey(view.key);
    if (!loadedPortraits.has(key) && !(key in precomputed)) return undefined;
    const stored = (loadedPortraits.get(key) ?? precomputed[key]) as PortraitLayoutFile | undefined;
    const valid = stored?.shape && stored.hash === layoutHash(portraitModule.portraitLayoutInput(view, stored.shape)) ? stored : false;
    portraits.set(view, valid);
    return valid;
  };
  const cachedVariant = (view: GraphView, variant?: LayoutVariant) => {
    if (variant !== 'portrait' || view.kind !== 'figure') return cached(view);
    const portrait = portraitOf(view);
    // Not known yet: no answer (a usual drawing now would be replaced by the portrait one a moment later).
    if (portrait === undefined) return undefined;
    return portrait || cached(view);
  };
  const loadPortrait = async (view: GraphView) => {
    portraitModule ??= await import('./portrait.ts');
    const key = portraitModule.portraitKey(view.key);
    if (key in precomputed || loadedPortraits.has(key)) return;
    let loading = loadingPortraits.get(key);
    if (!loading) {
      loading = loadPrecomputed(key).then(
        (stored) => loadedPortraits.set(key, stored),
        () => loadedPortraits.set(key, undefined),
      );
      loadingPortraits.set(key, loading);
    }
    await loading;
  };
  const positionsOf = (view: GraphView, variant?: LayoutVariant): Promise<Positions> => {
    if (variant === 'portrait' && view.kind === 'figure') {
      const known = cachedVariant(view, variant);
      if (known) return Promise.resolve(known);
      if (portraitOf(view) === undefined) return loadPortrait(view).then(() => positionsOf(view, variant));
    }
    const hit = cached(view);
    if (hit) return Promise.resolve(hit);
    const { input, hash } = inputOf(view);
    const id = `${view.key}#${hash}`;
    let pending = computed.get(id);
    if (!pending) {
      pending = loadPrecomputed(view.key).then(
        (stored) => {
          if (stored && stored.hash === hash) return stored;
          engine ??= loadEngine();
          return engine.then((e) => e.layout(input));
        },
      );
      // A failed layout is not cached: the user can retry.
      pending.catch(() => computed.delete(id));
      computed.set(id, pending);
    }
    return pending;
  };
  return {
    cached: cachedVariant,
    positions: positionsOf,
    remember(viewKey, positions) {
      precomputed[viewKey] = positions;
    },
  };
}
