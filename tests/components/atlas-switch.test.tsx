/**
 * Switching to the atlas and toggling its sources spread their work over tasks (issue #10 point 5: no main-thread
 * task over 50 ms): the atlas is laid out neither in the task of the click nor in the commit that opens it, but in a
 * task of its own, after which the canvas gets the new positions and overlay together.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

const layouts = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/layout/difference-layout.ts', async (original) => {
  const m = await original<typeof import('../../src/layout/difference-layout.ts')>();
  return {
    ...m,
    activeLayout: (...args: Parameters<typeof m.activeLayout>) => {
      layouts.calls++;
      return m.activeLayout(...args);
    },
  };
});

const { renderApp } = await import('../helpers/render-app.tsx');

/** The main canvas's node positions, once it shows `view` and is settled. */
async function settled(view: string) {
  await waitFor(
    () => {
      const cy = window.mscAtlas?.cy.main;
      const canvas = cy?.container()?.closest('.graph-canvas');
      expect(canvas?.getAttribute('data-view')).toBe(view);
      expect(canvas?.getAttribute('aria-busy')).toBeNull();
    },
    { timeout: 20_000 },
  );
  const cy = window.mscAtlas!.cy.main!;
  return new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
}

describe('atlas switch and toggles', () => {
  it('lay the atlas out in a task after the click, then draw it with its overlay', async () => {
    renderApp('?figure=fig1');
    await settled('figure:fig1');
    layouts.calls = 0;
    // The click runs in one task: the handler, the state change and whatever React does at once.
    act(() => screen.getByRole('button', { name: 'Atlas' }).click());
    expect(layouts.calls).toBe(0);
    const first = await settled('atlas');
    expect(layouts.calls).toBeGreaterThan(0);
    expect(first.size).toBeGreaterThan(100);

    // A source switched off: its entities leave the layout, laid out in a task after the click; busy until drawn.
    const sources = screen.getByRole('group', { name: 'Cell sources' });
    const box = within(sources).getByRole('checkbox', { name: 'hBMMSC — bone marrow' });
    layouts.calls = 0;
    act(() => box.click());
    expect(layouts.calls).toBe(0);
    expect(box).not.toBeChecked();
    await waitFor(() => expect(layouts.calls).toBeGreaterThan(0), { timeout: 20_000 });
    const after = await settled('atlas');
    const moved = [...after].filter(([id, p]) => first.get(id)!.x !== p.x || first.get(id)!.y !== p.y);
    expect(moved.length).toBeGreaterThan(0);
    // hBMMSC itself is dimmed (off) on the canvas, as the panel says.
    expect(window.mscAtlas!.cy.main!.getElementById('hbmmsc').hasClass('off')).toBe(true);
  }, 90_000);
});
