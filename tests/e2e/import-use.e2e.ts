/**
 * An imported graph is used like the review's own figures, in Chromium: the review's sources overlaid on it and the
 * factors they share listed; compared with a cell source in the difference diagram and in twin panes; exported as
 * an image and as a network another tool reads. And a big file's import can be cancelled, leaving nothing behind.
 */
import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, expectPageError, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();
/** Imports run in a worker (ELK included): on a busy machine a result can take seconds. */
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 200 });

/**
 * A lab's own network as SIF (no positions, no attributes): HGF named by its HGNC CURIE, VEGF and IL-10 by label,
 * and two entities the atlas does not have.
 */
const LAB_SIF = ['HGNC:4893\tactivates\tLab receptor X', 'VEGF\tpromotes\tAngiogenesis', 'IL-10\tinhibits\tInflammation', 'Lab receptor X\tactivates\tLab pathway Y', 'Lab pathway Y\tpromotes\tAngiogenesis', ''].join('\n');

async function openFile(page: Page, name: string, text: string, mimeType = 'text/plain') {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

async function importLab(page: Page) {
  await openFile(page, 'lab-network.sif', LAB_SIF);
  await poll(() => page.locator('.notice').innerText()).toMatch(/^Opened lab-network\.sif: 7 nodes and 5 edges; 5 of the nodes are entities of the atlas/);
  await waitForCanvas(page);
  const key = new URL(page.url()).searchParams.get('figure')!;
  expect(key).toMatch(/^import-lab-network-[0-9a-f]{8}$/);
  // Its address is the first page with the graph in the query: an imported graph has no page file of its own.
  expect(new URL(page.url()).pathname).toMatch(/\/$/);
  return key;
}

async function exportFile(page: Page, format: string) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  // Overlaid sources dim nothing of an imported graph: nothing to leave out.
  expect(await dialog.getByRole('checkbox', { name: /^Leave out what the current sources and filters dim/ }).count()).toBe(0);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  const bytes = readFileSync((await download.path())!);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { name: download.suggestedFilename(), text: bytes.toString('utf8') };
}

const rowsOf = async (page: Page) => page.getByRole('region', { name: /^Summary:/ }).getByRole('row').allInnerTexts();
const row = (rows: string[], label: string) => rows.find((r) => r.startsWith(`${label}\t`));

describe('an imported graph, used like a figure of the review', () => {
  it('overlaid with two cell sources, lists the factors they share in it; a click on one selects it', { timeout: 180_000 }, async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    await importLab(page);
    // HGNC:4893 is drawn as the atlas's HGF; the lab's own entities keep their names.
    const labels = await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().map((n) => n.data('label') as string));
    expect(labels.sort()).toEqual(['Angiogenesis', 'HGF', 'IL-10', 'Inflammation', 'Lab pathway Y', 'Lab receptor X', 'VEGF']);

    // A network naming no cell source is drawn whole, nothing dimmed or hidden (before, every element was faded
    // to 12 % and every edge hidden until a source was overlaid).
    const drawn = () => page.evaluate(() => window.mscAtlas!.cy.main!.elements().map((e) => `${e.style('opacity')} ${e.style('visibility')}`));
    expect(new Set(await drawn())).toEqual(new Set(['1 visible']));
    const shared = page.getByRole('list', { name: 'Shared factors, most shared first' });
    expect(await shared.count()).toBe(0);
    await page.getByRole('button', { name: /Sources, filters/ }).click();
    const overlay = page.getByRole('group', { name: 'Overlay other cell sources' });
    await overlay.getByRole('checkbox', { name: /^hPMSC/ }).check();
    await overlay.getByRole('checkbox', { name: /^huMSC/ }).check();
    await waitForCanvas(page);
    expect(new URL(page.url()).searchParams.get('overlay')).toBe('hpmsc,humsc');
    // The overlay marks what the sources act on and dims none of the lab's own statements.
    expect(new Set(await drawn())).toEqual(new Set(['1 visible']));
    // Both sources act on HGF, VEGF and angiogenesis in the review; neither on the lab's own receptor.
    const items = await shared.getByRole('button').allInnerTexts();
    expect(items).toEqual(expect.arrayContaining(['HGF', 'VEGF', 'Angiogenesis']));
    expect(items).not.toContain('Lab receptor X');
    expect(items).not.toContain('Lab pathway Y');
    // The canvas marks them as shared: a count badge on HGF, none on the lab's receptor.
    const marks = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      return { hgf: cy.getElementById('hgf').classes(), lab: cy.nodes().filter((n) => n.data('label') === 'Lab receptor X')[0]!.classes() };
    });
    expect(marks.hgf).toContain('shared');
    expect(marks.lab).not.toContain('shared');
    await shared.getByRole('button', { name: 'HGF', exact: true }).click();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByRole('heading', { level: 3 }).innerText()).resolves.toBe('HGF');
    // The lab's statement cites no reference of the review: listed without empty brackets.
    expect(await details.getByRole('listitem').filter({ hasText: 'Lab receptor X' }).innerText()).toBe('HGF activates Lab receptor X');
    await screenshot(page, 'import-shared-factors');
    await context.close();
  });

  it('is compared with a cell source: the difference diagram and twin panes tell what both have from what only the import has', { timeout: 180_000 }, async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    const key = await importLab(page);

    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await waitForCanvas(page, 'difference');
    await page.getByRole('combobox', { name: 'Left' }).selectOption('source:hpmsc');
    // The imported graph is offered under "Your graphs", by its name once (not "name: name").
    const offered = page.getByRole('combobox', { name: 'Right' }).locator('optgroup[label="Your graphs"] option');
    expect(await offered.allInnerTexts()).toEqual(['lab-network.sif']);
    expect(await offered.getAttribute('value')).toBe(`figure:${key}`);
    expect(await page.getByRole('combobox', { name: 'Right' }).locator('optgroup[label="Figures and tables"] option').allInnerTexts()).not.toContainEqual(expect.stringContaining('lab-network'));
    await page.getByRole('combobox', { name: 'Right' }).selectOption(`figure:${key}`);
    await waitForCanvas(page, 'difference');
    expect(page.url()).toContain(`right=figure:${key}`);
    let rows = await rowsOf(page);
    expect(row(rows, 'HGF')).toMatch(/\tShared\t/);
    expect(row(rows, 'VEGF')).toMatch(/\tShared\t/);
    expect(row(rows, 'Lab receptor X')).toMatch(/\tlab-network\.sif\t/);
    expect(row(rows, 'Lab pathway Y')).toMatch(/\tlab-network\.sif\t/);
    const inDiagram = await page.evaluate(() => window.mscAtlas!.cy.difference!.nodes().map((n) => n.data('label') as string));
    expect(inDiagram).toEqual(expect.arrayContaining(['HGF', 'VEGF', 'Lab receptor X', 'Lab pathway Y', 'hPMSC']));
    await screenshot(page, 'import-compare-difference');

    await page.getByRole('radio', { name: 'Twin panes' }).check();
    await waitForCanvas(page, 'left');
    await waitForCanvas(page, 'right');
    // HGF stands at the same place in both panes, as for the review's own pairs.
    const [l, r] = await page.evaluate(() => ['left', 'right'].map((p) => window.mscAtlas!.cy[p]!.getElementById('hgf').renderedPosition()));
    expect(Math.abs(l!.x - r!.x)).toBeLessThan(1);
    expect(Math.abs(l!.y - r!.y)).toBeLessThan(1);
    rows = await rowsOf(page);
    expect(row(rows, 'Lab receptor X')).toMatch(/\tlab-network\.sif\t/);
    await context.close();
  });

  it('is exported: the SVG carries its title and labels as text, the .cyjs is read back by cytoscape.js whole', { timeout: 180_000 }, async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    const key = await importLab(page);
    await page.getByRole('button', { name: /Sources, filters/ }).click();
    await page.getByRole('group', { name: 'Overlay other cell sources' }).getByRole('checkbox', { name: /^hPMSC/ }).check();
    await waitForCanvas(page);

    const svg = await exportFile(page, 'SVG image (vector)');
    expect(svg.name).toMatch(new RegExp(`^msc-pof-atlas-${key}.*\\.svg$`));
    // Parsed by the page's DOMParser, the file's own <style> (its embedded font) falls under the page's CSP.
    expectPageError(/Applying inline style violates/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join('|') };
    }, svg.text);
    expect(parsed.error).toBeNull();
    for (const label of ['Lab receptor X', 'Lab pathway Y', 'HGF', 'VEGF']) expect(parsed.text).toContain(label);
    expect(parsed.text).toMatch(/lab-network/);

    const cyjs = await exportFile(page, 'Cytoscape.js JSON (.cyjs, with positions) and a Cytoscape style');
    expect(cyjs.name).toMatch(new RegExp(`^msc-pof-atlas-${key}.*\\.cyjs$`));
    const cy = cytoscape({ headless: true, elements: JSON.parse(cyjs.text).elements, layout: { name: 'preset' } });
    expect(cy.nodes().length).toBe(7);
    expect(cy.edges().length).toBe(5);
    expect(cy.nodes().map((n) => n.data('name') ?? n.data('label')).sort()).toEqual(['Angiogenesis', 'HGF', 'IL-10', 'Inflammation', 'Lab pathway Y', 'Lab receptor X', 'VEGF']);
    for (const n of cy.nodes()) expect(Number.isFinite(n.position('x')) && Number.isFinite(n.position('y'))).toBe(true);
    await context.close();
  });
});

/**
 * Installed before the app's scripts: the page's Worker keeps the import worker's final message ("done") from the
 * page while `window.holdImportResult` is true, and hands it over on `window.releaseImportResult()`. A big import
 * then waits at its last stage however fast this machine lays it out, so Cancel always meets a running import
 * (before, the test raced the layout: on a quick run the graph opened before the poll saw the layout stage).
 */
function holdImportResults() {
  const w = window as unknown as { holdImportResult: boolean; heldImportResults: number; releaseImportResult: () => void };
  const held: (() => void)[] = [];
  w.holdImportResult = false;
  w.heldImportResults = 0;
  w.releaseImportResult = () => {
    w.holdImportResult = false;
    for (const deliver of held.splice(0)) deliver();
  };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    set onmessage(handler: ((e: MessageEvent) => void) | null) {
      super.onmessage = handler && ((e: MessageEvent) => {
        if (w.holdImportResult && (e.data as { type?: string } | null)?.type === 'done') {
          w.heldImportResults++;
          held.push(() => handler.call(this, e));
        } else handler.call(this, e);
      });
    }
    get onmessage() {
      return super.onmessage;
    }
  };
}

describe('a big file', () => {
  it('shows its progress and can be cancelled: nothing is opened, stored or changed, and the next file opens', { timeout: 180_000 }, async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(holdImportResults);
    const page = await context.newPage();
    await page.goto(appUrl('?figure=fig3'));
    await waitForCanvas(page);
    // 6,000 nodes and 9,000 edges (under the 20,000 limit): laid out by the force layout in the import worker,
    // which reports its progress. Its result is held back (holdImportResults), so the import is still running
    // when Cancel is pressed, on a fast machine as on a loaded one.
    const lines: string[] = [];
    for (let i = 0; i < 9000; i++) lines.push(`Gene ${i % 6000}\tactivates\tGene ${(i * 7 + 1) % 6000}`);
    await page.evaluate(() => ((window as unknown as { holdImportResult: boolean }).holdImportResult = true));
    await openFile(page, 'big-network.sif', `${lines.join('\n')}\n`);
    const progress = page.getByRole('dialog').getByRole('status');
    await poll(() => progress.isVisible()).toBe(true);
    expect(await progress.getByRole('heading').innerText()).toBe('Opening big-network.sif');
    expect(await progress.getByRole('progressbar', { name: 'Import progress' }).count()).toBe(1);
    // Cancelled in its last stage, the layout, with its share done shown, running in the import worker.
    await poll(() => progress.getByRole('paragraph').innerText()).toMatch(/^Laying it out… \d+%$/);
    const importWorkers = () => page.workers().filter((w) => /import\.worker/.test(w.url())).length;
    expect(importWorkers()).toBe(1);
    await screenshot(page, 'import-big-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await poll(() => page.getByRole('dialog').isVisible()).toBe(false);
    // A result the worker had already posted when Cancel was pressed, delivered late, opens nothing either.
    await page.evaluate(() => (window as unknown as { releaseImportResult: () => void }).releaseImportResult());

    // The worker is ended, so nothing can arrive later; nothing was opened or kept.
    await poll(importWorkers).toBe(0);
    expect(new URL(page.url()).searchParams.get('figure')).toBe('fig3');
    expect(await page.locator('.notice').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Figure' }).locator('optgroup[label="Your graphs"]').count()).toBe(0);
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          indexedDB.databases().then((dbs) => {
            if (dbs.length === 0) return resolve(0);
            let total = 0;
            let left = dbs.length;
            for (const d of dbs) {
              const req = indexedDB.open(d.name!);
              req.onsuccess = () => {
                const db = req.result;
                const names = [...db.objectStoreNames];
                if (names.length === 0) {
                  db.close();
                  if (--left === 0) resolve(total);
                  return;
                }
                const tx = db.transaction(names, 'readonly');
                let pending = names.length;
                for (const n of names)
                  tx.objectStore(n).count().onsuccess = (e) => {
                    total += (e.target as IDBRequest<number>).result;
                    if (--pending === 0) {
                      db.close();
                      if (--left === 0) resolve(total);
                    }
                  };
              };
            }
          });
        }),
    );
    expect(stored).toBe(0);
    expect(await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().length)).toBeGreaterThan(20);

    // The next file opens as usual.
    await importLab(page);
    await context.close();
  });
});
