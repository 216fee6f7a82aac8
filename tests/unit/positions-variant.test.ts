/**
 * Which drawing of a figure the main canvas asks for first. The build's prerender renders the app on the server,
 * where no screen is known (state/use-phone-portrait.ts reads it in an effect, which a server render never runs):
 * the page's canvas markup must come from the figure's usual layout, the one its picture shows. A phone held upright
 * (the atom set from the screen) gets the portrait drawing.
 */
import { Provider, createStore } from 'jotai';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { usePositions } from '../../src/features/main-graph/use-positions.ts';
import type { LayoutService, LayoutVariant } from '../../src/layout/layout-service.ts';
import type { Positions } from '../../src/layout/types.ts';
import type { GraphView } from '../../src/model/view.ts';
import { layoutServiceAtom, phonePortraitAtom } from '../../src/state/atoms.ts';

const view = { key: 'figure:fig1', kind: 'figure', title: 'Fig. 1', figures: ['fig1'], nodes: [{ id: 'msc' }], edges: [] } as unknown as GraphView;
const drawing = (hash: string): Positions => ({ hash, nodes: { msc: { x: 0, y: 0 } } }) as unknown as Positions;
// A service with both drawings of the figure, as the build's precomputed layouts have them.
const service = {
  cached: (_v: GraphView, variant?: LayoutVariant) => drawing(variant === 'portrait' ? 'portrait' : 'usual'),
  positions: () => Promise.reject(new Error('no layout engine here')),
} as unknown as LayoutService;

function Probe() {
  const state = usePositions(view);
  return createElement('output', null, state.status === 'ready' ? state.positions.hash : state.status);
}

const firstRender = (portrait?: boolean) => {
  const store = createStore();
  store.set(layoutServiceAtom, service);
  if (portrait !== undefined) store.set(phonePortraitAtom, portrait);
  return renderToString(createElement(Provider, { store }, createElement(Probe)));
};

describe('the drawing a figure is first rendered with', () => {
  it('is its usual layout when no screen has been read (the build’s server render), the portrait one on a phone held upright', () => {
    expect(firstRender()).toBe('<output>usual</output>');
    expect(firstRender(false)).toBe('<output>usual</output>');
    expect(firstRender(true)).toBe('<output>portrait</output>');
  });
});
