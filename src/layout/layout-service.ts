/**
 * Positions for a view: the precomputed layout when its hash matches (every shipped view), otherwise ELK in a
 * Web Worker, loaded on first need with a dynamic import so elkjs stays out of the start-up bundle.
 */
import type { GraphView } from '../model/view.ts';
import { layoutInput } from './layout-input.ts';
import { layoutHash, type LayoutEngine, type Positions } from './types.ts';

export interface LayoutService {
  /** Synchronous answer when a cached layout fits, so the first paint needs no promise. */
  cached(view: GraphView): Positions | undefined;
  positions(view: GraphView): Promise<Positions>;
}

export function createLayoutService(
  precomputed: Record<string, Positions>,
  loadEngine: () => Promise<LayoutEngine> = async () => (await import('./worker-engine.ts')).createWorkerEngine(),
): LayoutService {
  const computed = new Map<string, Promise<Positions>>();
  let engine: Promise<LayoutEngine> | undefined;
  const cached = (view: GraphView) => {
    const hash = layoutHash(layoutInput(view));
    const hit = precomputed[view.key];
    return hit?.hash === hash ? hit : undefined;
  };
  return {
    cached,
    positions(view) {
      const hit = cached(view);
      if (hit) return Promise.resolve(hit);
      const input = layoutInput(view);
      const id = `${view.key}#${layoutHash(input)}`;
      let pending = computed.get(id);
      if (!pending) {
        engine ??= loadEngine();
        pending = engine.then((e) => e.layout(input));
        // A failed layout is not cached: the user can retry.
        pending.catch(() => computed.delete(id));
        computed.set(id, pending);
      }
      return pending;
    },
  };
}
