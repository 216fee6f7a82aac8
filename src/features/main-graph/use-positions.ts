import { useAtomValue } from 'jotai';
import { useEffect, useState } from 'react';
import type { Positions } from '../../layout/types.ts';
import type { GraphView } from '../../model/view.ts';
import { layoutServiceAtom, phonePortraitAtom } from '../../state/atoms.ts';

export type PositionsState =
  | { status: 'ready'; positions: Positions }
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void };

/**
 * Positions of a view: at once from the precomputed layouts, or from the ELK worker with a loading state. On a phone
 * held upright, a figure's portrait layout (top to bottom) where it has one.
 */
export function usePositions(view: GraphView | undefined): PositionsState {
  const service = useAtomValue(layoutServiceAtom);
  const variant = useAtomValue(phonePortraitAtom) ? 'portrait' : undefined;
  const cached = view && service?.cached(view, variant);
  const [state, setState] = useState<PositionsState>(cached ? { status: 'ready', positions: cached } : { status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!view || !service) return;
    const hit = service.cached(view, variant);
    if (hit) {
      setState({ status: 'ready', positions: hit });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    service.positions(view, variant).then(
      (positions) => live && setState({ status: 'ready', positions }),
      (e: unknown) =>
        live &&
        setState({
          status: 'error',
          message: e instanceof Error ? e.message : String(e),
          retry: () => setAttempt((n) => n + 1),
        }),
    );
    return () => {
      live = false;
    };
  }, [view, service, variant, attempt]);

  // A state left over from the previous view must not be drawn with this one.
  if (state.status === 'ready' && view && !state.positions.nodes[view.nodes[0]?.id ?? '']) return { status: 'loading' };
  return state;
}
