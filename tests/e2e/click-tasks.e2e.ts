/**
 * A click on a node is split over tasks (issue #10 point 3: from navigation until a click shows its details, no
 * main-thread task over 50 ms). Checked by structure, not by time: Chromium traces the page's main thread while a node
 * is clicked, and each step of the click stamps the trace (console.timeStamp) from where it happens:
 * - `details`: the details panel shows the node (React's render of the panel, in the click's own task);
 * - `select`: the canvas marks the selection (Cytoscape's `select` event, inside the selection's restyle);
 * - `address`: the address bar is written (history.replaceState).
 * The details come first, and a frame paints them before the restyle and the address, each in a later task. The
 * restyle's styles and sizes are computed ahead of the frame that draws it: that frame computes no edge route. Before
 * the selection nothing is restyled (Cytoscape's activation of the pressed node is inert, use-interaction.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, useBrowser, waitForCanvas } from './browser.ts';
import { traced, type TraceEvent } from './trace.ts';

const getBrowser = useBrowser();

/** Instruments the page: the click's stamps, and the edge routes Cytoscape computes inside its own frames. */
function instrument(page: Page, pane: string, label: string) {
  return page.evaluate(
    ([pane, label]) => {
      const cy = window.mscAtlas!.cy[pane]!;
      const w = window as unknown as { routed: number; early: string[]; selected: boolean };
      w.routed = 0;
      // Elements restyled before the selection is set: the press and the release of the button (Cytoscape's
      // activation) restyled the node under it, and each such restyle made a frame draw every element.
      w.early = [];
      w.selected = false;
      cy.on('style', (e) => {
        if (!w.selected) w.early.push(e.target.id());
      });
      cy.one('select', () => {
        w.selected = true;
        console.timeStamp('click:select');
      });
      const details = document.querySelector('.details')!;
      const observer = new MutationObserver(() => {
        if (details.querySelector('h3')?.textContent !== label) return;
        console.timeStamp('click:details');
        observer.disconnect();
      });
      observer.observe(details, { childList: true, subtree: true, characterData: true });
      for (const name of ['replaceState', 'pushState'] as const) {
        const write = window.history[name].bind(window.history);
        window.history[name] = (...args: Parameters<History['replaceState']>) => {
          console.timeStamp('click:address');
          return write(...args);
        };
      }
      // As switching.e2e.ts counts them: a frame asks the renderer for the rendered styles of what it marked dirty
      // with no `useCache` argument; sizes measured ahead pass one.
      type Renderer = { recalculateRenderedStyle(eles: unknown, useCache?: boolean): unknown; findEdgeControlPoints(edges: unknown[]): unknown };
      const r = (cy as unknown as { renderer(): Renderer }).renderer();
      let inFrame = false;
      const style = r.recalculateRenderedStyle.bind(r);
      r.recalculateRenderedStyle = (eles, useCache) => {
        inFrame = useCache === undefined;
        try {
          return style(eles, useCache);
        } finally {
          inFrame = false;
        }
      };
      const route = r.findEdgeControlPoints.bind(r);
      r.findEdgeControlPoints = (edges) => {
        if (inFrame) w.routed += edges.length;
        return route(edges);
      };
    },
    [pane, label] as const,
  );
}

/** Opens `search`, points at a connected node of `pane`, then clicks it with the page's main thread traced. */
async function tracedClick(search: string, pane: string) {
  const browser = getBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(appUrl(search));
  await waitForCanvas(page, pane);
  const target = await page.evaluate((pane) => {
    const cy = window.mscAtlas!.cy[pane]!;
    const r = cy.container()!.getBoundingClientRect();
    // A node with neighbours, well inside the pane (clear of the toolbar).
    const n = cy.nodes().filter((m) => {
      const p = m.renderedPosition();
      return m.degree(false) >= 2 && p.x > 60 && p.y > 60 && p.x < cy.width() - 60 && p.y < cy.height() - 60;
    })[0]!;
    const p = n.renderedPosition();
    return { id: n.id(), label: n.data('label') as string, x: r.left + p.x, y: r.top + p.y, elements: cy.elements().length };
  }, pane);
  // The pointer comes to the node first (its hover restyle is not what is measured), then the click.
  await page.mouse.move(target.x, target.y);
  await waitForCanvas(page, pane);
  await instrument(page, pane, target.label);
  const events = await traced(browser, page, ['devtools.timeline', 'disabled-by-default-devtools.timeline'], async () => {
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => page.url()).toContain(`select=node:${target.id}`);
    await waitForCanvas(page, pane);
  });
  const stamps = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('click:')).sort((a, b) => a.ts - b.ts);
  const main = stamps[0];
  const onMain = main ? events.filter((e) => e.pid === main.pid && e.tid === main.tid) : [];
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const taskOf = (e: TraceEvent | undefined) => (e ? tasks.findIndex((t) => t.ts <= e.ts && e.ts <= t.ts + (t.dur ?? 0)) : -1);
  const stamp = (name: string) => stamps.find((s) => s.args!.data!.message === `click:${name}`);
  const [details, select, address] = [stamp('details'), stamp('select'), stamp('address')];
  // Frames painted between the details and the restyle (the renderer's main-thread paint of the page).
  const painted = details && select ? onMain.filter((e) => e.name === 'Paint' && e.ts > details.ts && e.ts < select.ts).length : 0;
  const state = await page.evaluate(
    ([pane, id]) => {
      const cy = window.mscAtlas!.cy[pane]!;
      return {
        selected: cy.$(':selected').map((e) => e.id()),
        neighbours: cy.edges('.neighbour').length,
        degree: cy.getElementById(id).connectedEdges().length,
        faded: cy.elements('.faded').length,
        routed: (window as unknown as { routed: number }).routed,
        early: (window as unknown as { early: string[] }).early,
        heading: document.querySelector('.details h3')?.textContent,
      };
    },
    [pane, target.id] as const,
  );
  await page.close();
  return { target, tasks: { details: taskOf(details), select: taskOf(select), address: taskOf(address) }, painted, state, stamps: stamps.map((s) => s.args!.data!.message) };
}

describe('a click on a node', () => {
  for (const [what, search, pane] of [
    ['on a figure', '?figure=fig1', 'main'],
    ["on the compare page's difference diagram", '?view=compare&left=source:hpmsc&right=source:humsc', 'difference'],
  ] as const) {
    it(`${what}: shows its details first; the canvas's restyle and the address follow in later tasks, after a frame`, async () => {
      const { target, tasks, painted, state, stamps } = await tracedClick(search, pane);
      // Each step once, the details first.
      expect(stamps).toEqual(['click:details', 'click:select', 'click:address']);
      expect(tasks.details).toBeGreaterThanOrEqual(0);
      expect(tasks.select).toBeGreaterThan(tasks.details);
      expect(tasks.address).toBeGreaterThan(tasks.details);
      // The page painted the details before the canvas was restyled.
      expect(painted).toBeGreaterThan(0);
      // The click did what it does: the node selected, its edges marked, the rest faded, the details and address.
      expect(state.selected).toEqual([target.id]);
      expect(state.neighbours).toBe(state.degree);
      expect(state.faded).toBeGreaterThan(0);
      expect(state.heading).toBe(target.label);
      // The frame that drew the selection only drew: every edge route it needed was computed ahead.
      expect(state.routed).toBe(0);
      // Nothing was restyled before the selection: pressing and releasing the button on the node changed no look.
      expect(state.early).toEqual([]);
    });
  }
});
