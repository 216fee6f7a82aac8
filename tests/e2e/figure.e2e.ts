import { describe, expect, it } from 'vitest';
import { storedLayout } from '../helpers/stored-layout.ts';
import { appUrl, inkRatio, openApp, screenshot, waitForCanvas, useBrowser } from './browser.ts';

const getBrowser = useBrowser();

describe('figure view in Chromium', () => {
  it('loads Fig. 1 and draws the canvas', async () => {
    const { page, errors } = await openApp(getBrowser());
    await expect(page.getByRole('region', { name: /^Fig\. 1 Effects and mechanisms of hBMMSCs on POF$/ }).isVisible()).resolves.toBe(true);
    expect(await inkRatio(page)).toBeGreaterThan(0.02);
    await screenshot(page, 'figure-fig1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not load ELK at start-up for a shipped figure', async () => {
    const page = await getBrowser().newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(appUrl());
    await waitForCanvas(page);
    expect(requests.filter((u) => /elk/i.test(u))).toEqual([]);
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
    for (const s of scripts) expect(s).not.toMatch(/elk|worker-engine/);
    await page.close();
  });

  it('lists the figure nodes in the text alternative', async () => {
    const { page } = await openApp(getBrowser());
    await page.getByText(/^Text version of this diagram/).click();
    const table = page.getByRole('table', { name: /^Entities in Fig\. 1/ });
    // The tables are built when the text version opens.
    await table.waitFor();
    const names = await table.getByRole('rowheader').allInnerTexts();
    const cyNames = await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().map((n) => n.data('label') as string));
    expect(names.sort()).toEqual(cyNames.sort());
    expect(names).toContain('miR-144-5p');
    await page.close();
  });

  it('clicking a node on the canvas shows its citations', async () => {
    const { page } = await openApp(getBrowser());
    const box = await page.locator('.main-graph .cy').boundingBox();
    const pos = await page.evaluate(() => window.mscAtlas!.cy.main!.getElementById('pten').renderedPosition());
    await page.mouse.click(box!.x + pos.x, box!.y + pos.y);
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByRole('heading', { level: 3 }).innerText()).resolves.toBe('PTEN');
    const text = await details.innerText();
    expect(text).toContain('[42]');
    expect(text).toContain('[43]');
    expect(text).toMatch(/Overexpression of miR-21 in stem cells improves ovarian structure/);
    // (The address is written after the frame that shows the details.)
    await expect.poll(() => page.url()).toMatch(/select=node:pten$/);
    await screenshot(page, 'figure-fig1-pten-selected');
    await page.close();
  });

  it('clicking an edge shows its evidence', async () => {
    const { page } = await openApp(getBrowser());
    const box = await page.locator('.main-graph .cy').boundingBox();
    const mid = await page.evaluate(() => window.mscAtlas!.cy.main!.getElementById('mir-144-5p~inhibits~pten').renderedMidpoint());
    await page.mouse.click(box!.x + mid.x, box!.y + mid.y);
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByRole('heading', { level: 3 }).innerText()).resolves.toBe('miR-144-5p inhibits PTEN');
    expect(await details.innerText()).toMatch(/Injury model\s+cyclophosphamide/);
    await page.close();
  });

  it('a deep link restores the selection, and the selected node is drawn highlighted', async () => {
    const { page } = await openApp(getBrowser(), '?figure=fig1&select=node:mir-21');
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByRole('heading', { level: 3 }).innerText()).resolves.toBe('miR-21');
    const state = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      return { selected: cy.$(':selected').map((e) => e.id()), faded: cy.$('.faded').length, border: cy.getElementById('mir-21').style('border-width') };
    });
    expect(state.selected).toEqual(['mir-21']);
    expect(state.faded).toBeGreaterThan(0);
    expect(state.border).toBe('4px');
    await page.close();
  });

  it('a relation in Details that wraps keeps its bullet on its first line', async () => {
    // hAMSC's relations in the tablet drawer: several wrap to two lines. A list item's bullet sits on its first line's
    // baseline; a link button that wraps is one box in that line, whose baseline (by default its last line's) pulled
    // the bullet down to the entry's last line.
    const page = await getBrowser().newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(appUrl('?figure=fig3&select=node:hamsc'));
    await waitForCanvas(page);
    const items = page.locator('.relations li');
    const boxes = await items.evaluateAll((lis) =>
      lis.map((li) => {
        const r = li.getBoundingClientRect();
        const b = li.querySelector('button')!.getBoundingClientRect();
        return { x: r.left, y: r.top, line: parseFloat(getComputedStyle(li).lineHeight), buttonHeight: b.height };
      }),
    );
    const wrapped = boxes.filter((b) => b.buttonHeight > b.line * 1.5);
    expect(wrapped.length).toBeGreaterThan(0);
    const { PNG } = await import('pngjs');
    for (const b of wrapped.slice(0, 3)) {
      // The bullet is drawn in the 16 px left of the item; find its ink.
      const shot = PNG.sync.read(await page.screenshot({ clip: { x: b.x - 14, y: b.y, width: 12, height: b.buttonHeight } }));
      const inked: number[] = [];
      for (let y = 0; y < shot.height; y++)
        for (let x = 0; x < shot.width; x++) {
          const i = (y * shot.width + x) * 4;
          if (shot.data[i]! + shot.data[i + 1]! + shot.data[i + 2]! < 300) inked.push(y);
        }
      expect(inked.length).toBeGreaterThan(0);
      const middle = (Math.min(...inked) + Math.max(...inked)) / 2;
      expect(middle, `bullet at ${middle.toFixed(1)} px in an item of ${b.buttonHeight} px, lines of ${b.line} px`).toBeLessThan(b.line);
    }
    await screenshot(page, 'details-relations-wrapped');
    await page.close();
  });

  it('a bad link opens the default view with a visible message', async () => {
    const { page } = await openApp(getBrowser(), '?figure=fig404');
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/figure "fig404" that does not exist/);
    expect(page.url()).not.toContain('fig404');
    await screenshot(page, 'figure-bad-link');
    await page.close();
  });

  it('draws each edge along the route ELK computed: from its start on the source border, through its bends, to its end', async () => {
    const routes = Object.entries(storedLayout('figure:fig1').edges);
    expect(routes.filter(([, r]) => r.length > 2).length).toBeGreaterThan(0);
    const { page } = await openApp(getBrowser());
    const drawn = await page.evaluate(
      (ids) =>
        Object.fromEntries(
          ids.map((id) => {
            const e = window.mscAtlas!.cy.main!.getElementById(id);
            return [id, { start: e.sourceEndpoint(), end: e.targetEndpoint(), bends: e.segmentPoints() ?? [] }];
          }),
        ),
      routes.map(([id]) => id),
    );
    const near = (a: { x: number; y: number }, b: { x: number; y: number }, id: string) => {
      expect(Math.abs(a.x - b.x), id).toBeLessThan(1);
      expect(Math.abs(a.y - b.y), id).toBeLessThan(1);
    };
    for (const [id, route] of routes) {
      near(drawn[id]!.start, route[0]!, `${id} start`);
      expect(drawn[id]!.bends, id).toHaveLength(route.length - 2);
      drawn[id]!.bends.forEach((p, i) => near(p, route[i + 1]!, `${id} bend ${i}`));
    }
    // The arrow head sits before the end point; the line ends where the head begins, so compare the head's tip.
    const tips = await page.evaluate(
      (ids) => ids.map((id) => window.mscAtlas!.cy.main!.getElementById(id).targetEndpoint()),
      routes.map(([id]) => id),
    );
    routes.forEach(([id, route], i) => {
      expect(Math.hypot(tips[i]!.x - route.at(-1)!.x, tips[i]!.y - route.at(-1)!.y), `${id} end`).toBeLessThan(12);
    });
    await page.close();
  });

  it('keeps labels legible when the figure is fitted to a 1440×900 screen', async () => {
    const { page } = await openApp(getBrowser());
    const zoom = await page.evaluate(() => window.mscAtlas!.cy.main!.zoom());
    // 13 px labels: at least 9 px on screen.
    expect(zoom * 13).toBeGreaterThanOrEqual(9);
    await page.close();
  });
});

describe('every figure and table in Chromium', () => {
  it('renders each one, drawn, with no two node boxes overlapping on screen', async () => {
    const { page } = await openApp(getBrowser());
    const ids = await page.getByRole('combobox', { name: 'Figure' }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) {
      await page.getByRole('combobox', { name: 'Figure' }).selectOption(id);
      // The figure's data and layout load first (the canvas shows the last figure meanwhile, settled).
      await page.waitForFunction((key) => window.mscAtlas?.cy.main?.container()?.closest('.graph-canvas')?.getAttribute('data-view') === key, `figure:${id}`);
      await waitForCanvas(page);
      const result = await page.evaluate(() => {
        const cy = window.mscAtlas!.cy.main!;
        const boxes = cy.nodes().map((n) => ({ id: n.id(), b: n.renderedBoundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false }) }));
        const overlaps: string[] = [];
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.b;
            const c = boxes[j]!.b;
            // Borders are drawn half outside the box: allow them to touch.
            const slack = 3 * cy.zoom();
            if (a.x1 + slack < c.x2 && c.x1 + slack < a.x2 && a.y1 + slack < c.y2 && c.y1 + slack < a.y2) overlaps.push(`${boxes[i]!.id} / ${boxes[j]!.id}`);
          }
        return { n: boxes.length, overlaps };
      });
      expect(result.overlaps, id).toEqual([]);
      expect(result.n, id).toBeGreaterThan(0);
      // Edges drawn bent exactly where the layout bends them, also when an edge id was shown in the previous figure.
      const bends = storedLayout(`figure:${id}`).edges;
      const drawnBent = await page.evaluate(() => window.mscAtlas!.cy.main!.edges('[?bent]').map((e) => e.id()).sort());
      expect(drawnBent, id).toEqual(Object.keys(bends).filter((k) => bends[k]!.length > 2).sort());
      expect(await inkRatio(page), id).toBeGreaterThan(0.005);
      await screenshot(page, `figure-${id}`);
    }
    await page.close();
  });
});
