/**
 * The selection as the canvas shows it (use-interaction.ts, setSelectionState) and the address's rule for a new
 * selection alone (use-url-sync.ts, selectionOnly): what changes, and only what changes.
 */
import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { inertActivation, setSelectionState } from '../../src/graph-view/use-interaction.ts';
import { selectionOnly } from '../../src/state/use-url-sync.ts';
import type { UrlState } from '../../src/state/choices.ts';
import { NO_FILTERS } from '../../src/model/overlay.ts';

/** a → b → c, and d alone: a's neighbourhood is a, b and the edge a→b. */
function graph(): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      { data: { id: 'a' } },
      { data: { id: 'b' } },
      { data: { id: 'c' } },
      { data: { id: 'd' } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
      { data: { id: 'bc', source: 'b', target: 'c' } },
    ],
  });
}

const ids = (eles: { id(): string }[]) => eles.map((e) => e.id()).sort();
const withClass = (cy: Core, c: string) => ids(cy.elements(`.${c}`).toArray());
const selected = (cy: Core) => ids(cy.$(':selected').toArray());

describe('setSelectionState on an ordinary drawing', () => {
  it('selects the node, marks its edges and fades the rest; returns every element it changed', () => {
    const cy = graph();
    const { changed, keep } = setSelectionState(cy, { type: 'node', id: 'a' }, false, null);
    expect(selected(cy)).toEqual(['a']);
    expect(withClass(cy, 'neighbour')).toEqual(['ab']);
    expect(withClass(cy, 'faded')).toEqual(['bc', 'c', 'd']);
    expect(withClass(cy, 'near')).toEqual([]);
    expect(ids(keep!.toArray())).toEqual(['a', 'ab', 'b']);
    // b is unchanged (kept, not selected, no class): it is not returned.
    expect(ids(changed)).toEqual(['a', 'ab', 'bc', 'c', 'd']);
  });

  it('an edge keeps its two ends', () => {
    const cy = graph();
    setSelectionState(cy, { type: 'edge', id: 'bc' }, false, null);
    expect(selected(cy)).toEqual(['bc']);
    expect(withClass(cy, 'neighbour')).toEqual(['bc']);
    expect(withClass(cy, 'faded')).toEqual(['a', 'ab', 'd']);
  });

  it('the same selection again changes nothing; another changes only what differs', () => {
    const cy = graph();
    setSelectionState(cy, { type: 'node', id: 'a' }, false, null);
    expect(setSelectionState(cy, { type: 'node', id: 'a' }, false, null).changed).toEqual([]);
    const { changed } = setSelectionState(cy, { type: 'node', id: 'c' }, false, null);
    expect(selected(cy)).toEqual(['c']);
    expect(withClass(cy, 'neighbour')).toEqual(['bc']);
    expect(withClass(cy, 'faded')).toEqual(['a', 'ab', 'd']);
    // d stays faded: untouched.
    expect(ids(changed)).toEqual(['a', 'ab', 'bc', 'c']);
  });

  it('no selection, or one the drawing does not have, clears it all', () => {
    for (const none of [null, { type: 'node', id: 'gone' } as const]) {
      const cy = graph();
      setSelectionState(cy, { type: 'node', id: 'b' }, false, null);
      const { changed, keep } = setSelectionState(cy, none, false, null);
      expect(keep).toBeNull();
      expect(selected(cy)).toEqual([]);
      expect([...withClass(cy, 'faded'), ...withClass(cy, 'neighbour')]).toEqual([]);
      expect(ids(changed)).toEqual(['ab', 'b', 'bc', 'd']);
    }
  });

  it('sets the selection on a canvas that does not select on a tap (autounselectify) only when let', () => {
    const cy = graph();
    cy.autounselectify(true);
    setSelectionState(cy, { type: 'node', id: 'a' }, false, null);
    // Cytoscape refuses: this is why the canvas lifts the lock around it (use-interaction.ts).
    expect(selected(cy)).toEqual([]);
  });
});

describe('setSelectionState on a big drawing', () => {
  it('marks the neighbourhood near, fades nothing, and visits only the last and the new neighbourhoods', () => {
    const cy = graph();
    const first = setSelectionState(cy, { type: 'node', id: 'a' }, true, null);
    expect(selected(cy)).toEqual(['a']);
    expect(withClass(cy, 'near')).toEqual(['b']);
    expect(withClass(cy, 'neighbour')).toEqual(['ab']);
    expect(withClass(cy, 'faded')).toEqual([]);
    expect(ids(first.changed)).toEqual(['a', 'ab', 'b']);
    // d is marked by hand: a big drawing's pass does not visit it (it is in neither neighbourhood).
    cy.getElementById('d').addClass('near');
    const second = setSelectionState(cy, { type: 'node', id: 'c' }, true, first.keep);
    expect(selected(cy)).toEqual(['c']);
    expect(withClass(cy, 'near')).toEqual(['b', 'd']);
    expect(withClass(cy, 'neighbour')).toEqual(['bc']);
    // b stays near (in both neighbourhoods): unchanged.
    expect(ids(second.changed)).toEqual(['a', 'ab', 'bc', 'c']);
  });
});

describe('selectionOnly (a new selection alone is written to the address later)', () => {
  const state: UrlState = {
    mode: 'figure',
    figure: 'fig1',
    selection: null,
    atlasSources: null,
    overlay: [],
    filters: NO_FILTERS,
    kinds: [],
    path: null,
    chain: null,
    compare: null,
  };
  it('is true when only the selection differs', () => {
    expect(selectionOnly(state, { ...state, selection: { type: 'node', id: 'pten' } })).toBe(true);
    expect(selectionOnly({ ...state, selection: { type: 'node', id: 'pten' } }, state)).toBe(true);
  });
  it('is false when nothing or something else differs too', () => {
    const selection = { type: 'node', id: 'pten' } as const;
    expect(selectionOnly(state, { ...state })).toBe(false);
    for (const other of [{ mode: 'atlas' }, { figure: 'fig2' }, { overlay: [] }, { filters: { ...NO_FILTERS } }, { chain: 0 }] as Partial<UrlState>[])
      expect(selectionOnly(state, { ...state, ...other, selection })).toBe(false);
  });
});

/** Cytoscape's activation switches (not in its typings). */
type Switchable = { activate(handler?: () => void): unknown; unactivate(): unknown; active(): boolean; emit(e: string): unknown };
const node = (cy: Core, id: string) => cy.getElementById(id) as unknown as Switchable;

describe('inertActivation', () => {
  it('makes activate() and unactivate() restyle nothing on a marked instance, and only there', () => {
    const marked = graph();
    const other = graph();
    inertActivation(marked);
    const styled: string[] = [];
    for (const cy of [marked, other]) cy.on('style', (e) => styled.push(`${cy === marked ? 'marked' : 'other'}:${e.target.id()}`));
    const a = node(marked, 'a');
    expect(a.activate()).toBe(a);
    expect(a.active()).toBe(false);
    a.unactivate();
    expect(styled).toEqual([]);
    // Another instance keeps Cytoscape's own switches, and marking twice wraps them once.
    inertActivation(graph());
    node(other, 'a').activate();
    expect(node(other, 'a').active()).toBe(true);
    node(other, 'a').unactivate();
    expect(node(other, 'a').active()).toBe(false);
    expect(styled).toEqual(['other:a', 'other:a']);
    // Binding a handler still works on a marked instance.
    let heard = 0;
    node(marked, 'b').activate(() => heard++);
    node(marked, 'b').emit('activate');
    expect(heard).toBe(1);
  });
});
