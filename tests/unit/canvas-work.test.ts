// @vitest-environment jsdom
/** The canvas's busy mark (graph-view/canvas-work.ts): set by any work under way, cleared only when none is left. */
import 'vitest-canvas-mock';
import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CanvasWork } from '../../src/graph-view/canvas-work.ts';

function canvas(): { cy: Core; stage: HTMLElement } {
  const stage = document.createElement('div');
  stage.className = 'graph-canvas';
  const container = document.createElement('div');
  stage.append(container);
  document.body.append(stage);
  return { cy: cytoscape({ container, headless: false, styleEnabled: true, elements: [{ data: { id: 'a' } }] }), stage };
}

const pending = (value: boolean) => ({ pending: value }) as never;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CanvasWork', () => {
  it('starts settled, so the level of detail chooses labels at once, but cannot settle before its drawing is in', () => {
    const { cy, stage } = canvas();
    const work = new CanvasWork();
    expect(work.busy).toBe(false);
    work.cy = cy;
    work.relabel = vi.fn(() => []);
    work.setBusy(true);
    work.setBusy(false);
    expect(stage.getAttribute('aria-busy')).toBe('true');
    expect(work.busy).toBe(true);
    expect(work.relabel).not.toHaveBeenCalled();
    cy.destroy();
  });

  it('marks the canvas busy, and settled once the drawing is in and nothing is under way, choosing labels then', () => {
    const { cy, stage } = canvas();
    const work = new CanvasWork();
    work.cy = cy;
    work.drawn = true;
    const relabel = vi.fn(() => []);
    work.relabel = relabel;
    work.setBusy(true);
    expect(stage.getAttribute('aria-busy')).toBe('true');
    expect(work.busy).toBe(true);
    work.setBusy(false);
    expect(stage.hasAttribute('aria-busy')).toBe(false);
    expect(work.busy).toBe(false);
    expect(relabel).toHaveBeenCalledTimes(1);
    cy.destroy();
  });

  it('stays busy while looks, a restyle or a move are still being computed, a big drawing is being revealed, or elements are still coming', () => {
    const { cy, stage } = canvas();
    const cases: ((w: CanvasWork) => void)[] = [
      (w) => (w.slicedLooks = pending(true)),
      (w) => (w.deferred = pending(true)),
      (w) => (w.moving = pending(true)),
      (w) => (w.revealing = true),
      (w) => (w.drawn = false),
    ];
    for (const under of cases) {
      const work = new CanvasWork();
      work.cy = cy;
      work.drawn = true;
      work.relabel = vi.fn(() => []);
      work.setBusy(true);
      under(work);
      work.setBusy(false);
      expect(stage.getAttribute('aria-busy')).toBe('true');
      expect(work.busy).toBe(true);
      expect(work.relabel).not.toHaveBeenCalled();
    }
    // Work that has finished (pending false) does not hold the mark.
    const work = new CanvasWork();
    work.cy = cy;
    work.drawn = true;
    work.slicedLooks = pending(false);
    work.deferred = pending(false);
    work.moving = pending(false);
    work.setBusy(true);
    work.setBusy(false);
    expect(stage.hasAttribute('aria-busy')).toBe(false);
    cy.destroy();
  });

  it('does not choose labels again when the work that settles just chose them', () => {
    const { cy } = canvas();
    const work = new CanvasWork();
    work.cy = cy;
    work.drawn = true;
    work.relabel = vi.fn(() => []);
    work.setBusy(true);
    work.setBusy(false, true);
    expect(work.relabel).not.toHaveBeenCalled();
    expect(work.busy).toBe(false);
    cy.destroy();
  });
  it('chooses labels again on settling when what they depend on changed after the work chose them (relabelDue)', () => {
    const { cy } = canvas();
    const work = new CanvasWork();
    work.cy = cy;
    work.drawn = true;
    // The choice clears the mark, as use-label-lod.ts's does.
    const relabel = vi.fn(() => {
      work.relabelDue = false;
      return [];
    });
    work.relabel = relabel;
    work.setBusy(true);
    // The level of detail learns of a change (say, its marks layer) after the work under way chose labels.
    work.relabelDue = true;
    work.setBusy(false, true);
    expect(relabel).toHaveBeenCalledTimes(1);
    expect(work.relabelDue).toBe(false);
    expect(work.busy).toBe(false);
    // Chosen since: the next settling that says it just chose does not choose again.
    work.setBusy(true);
    work.setBusy(false, true);
    expect(relabel).toHaveBeenCalledTimes(1);
    cy.destroy();
  });
});
