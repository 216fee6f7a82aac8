/**
 * Opening a user's own graph in Chromium: by the button, by drag and drop and by `?src=`; kept across reloads,
 * renamed and removed; a broken file gets its places and reasons and changes nothing; a link to an import opened
 * in another browser says the graph is not there.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { write } from '../../src/formats/bundle.ts';
import { shippedModel } from '../helpers/model.ts';
import { appUrl, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();
/** Imports run in a worker (ELK included): on a busy machine a result can take seconds. */
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 200 });
const model = shippedModel();

function myBundle() {
  const b = JSON.parse(write(model, 'fig2'));
  b.figure.title = 'My lab’s amniotic pathway';
  b.entities.push({ id: 'my-hgf', label: 'hepatocyte growth factor', kind: 'secreted-factor' }, { id: 'quux', label: '<img src=x onerror="window.pwned=1">', kind: 'gene-or-protein' });
  b.figure.nodes.push({ entity: 'my-hgf' }, { entity: 'quux' });
  b.figure.edges.push({ id: 'q-h', source: 'quux', target: 'my-hgf', relation: 'activates', refs: [], section: 'effects', note: 'Our own finding.' });
  return JSON.stringify(b, null, 2);
}

async function openFile(page: Page, name: string, text: string) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const SRC_FILE = resolve(import.meta.dirname, '..', '..', 'dist', 'e2e-src-bundle.json');
afterAll(() => rmSync(SRC_FILE, { force: true }));

describe('opening your own graph', () => {
  it('opens a bundle with the button, shows it matched to the atlas, keeps it across a reload, renames and removes it', { timeout: 180_000 }, async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(appUrl('?view=atlas'));
    await waitForCanvas(page);
    await openFile(page, 'my-pathway.json', myBundle());
    await poll(() => page.locator('.notice').innerText()).toMatch(/^Opened my-pathway\.json: \d+ nodes and \d+ edges; \d+ of the nodes are entities of the atlas/);
    await waitForCanvas(page);
    expect(new URL(page.url()).searchParams.get('figure')).toMatch(/^import-my-pathway-[0-9a-f]{8}$/);
    const picker = page.getByRole('combobox', { name: 'Figure' });
    expect(await picker.locator('optgroup[label="Your graphs"] option').allInnerTexts()).toEqual(['Fig. 2: My lab’s amniotic pathway']);
    // "hepatocyte growth factor" is the atlas's HGF; the script-like label is drawn as text and never runs.
    const ids = await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().map((n) => n.data('label') as string));
    expect(ids).toContain('HGF');
    expect(ids).toContain('<img src=x onerror="window.pwned=1">');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await screenshot(page, 'import-success');

    // Overlay the review's sources on it: the same panel as on a figure.
    await page.getByRole('button', { name: /Sources, filters/ }).click();
    await page.getByRole('group', { name: 'Overlay other cell sources' }).getByRole('checkbox').first().check();
    await waitForCanvas(page);

    await page.reload();
    // The kept graphs are read after the first picture; the link's graph is shown once they are.
    await poll(() => page.getByRole('combobox', { name: 'Figure' }).inputValue()).toMatch(/^import-my-pathway-/);
    await waitForCanvas(page);

    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('textbox', { name: 'New name' }).fill('Renamed pathway');
    await page.getByRole('button', { name: 'Save' }).click();
    // The chooser shows the new name once the browser has stored it: reload only then, as a person would.
    await poll(() => page.getByRole('combobox', { name: 'Figure' }).locator('option:checked').innerText()).toBe('Renamed pathway');
    await page.reload();
    await poll(() => page.getByRole('combobox', { name: 'Figure' }).locator('option:checked').innerText()).toBe('Renamed pathway');
    await waitForCanvas(page);

    await page.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('group', { name: 'Remove this graph?' }).getByRole('button', { name: 'Remove' }).click();
    await waitForCanvas(page);
    expect(await page.getByRole('combobox', { name: 'Figure' }).locator('optgroup[label="Your graphs"]').count()).toBe(0);
    await page.reload();
    await waitForCanvas(page);
    expect(await page.getByRole('combobox', { name: 'Figure' }).locator('optgroup[label="Your graphs"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a broken file: every problem with its place, and nothing changes', async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(appUrl('?figure=fig3'));
    await waitForCanvas(page);
    const bad = JSON.parse(write(model, 'fig1'));
    bad.figure.edges[1].target = 'nowhere';
    bad.entities[0].kind = 'unicorn';
    await openFile(page, 'broken.json', JSON.stringify(bad, null, 2));
    const alert = page.getByRole('alert');
    await poll(() => alert.isVisible()).toBe(true);
    expect(await alert.getByRole('heading').innerText()).toBe('broken.json could not be opened');
    const items = await alert.getByRole('listitem').allInnerTexts();
    expect(items[0]).toMatch(/^broken\.json \$\.entities\[0\]\.kind \(\d+:\d+\): /);
    await screenshot(page, 'import-error');
    await alert.getByRole('button', { name: 'Close' }).click();
    expect(new URL(page.url()).searchParams.get('figure')).toBe('fig3');
    await openFile(page, 'syntax.json', '{"format": "msc-pof-atlas-bundle",\n  "figure": [1, 2,, 3]}');
    await poll(() => page.getByRole('alert').getByRole('listitem').first().innerText()).toMatch(/^syntax\.json 2:\d+: not valid JSON/);
    await page.getByRole('alert').getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('combobox', { name: 'Figure' }).locator('optgroup[label="Your graphs"]').count()).toBe(0);
    await context.close();
  });

  it('keeps a file dropped while the open-file code is still loading, and opens it once that code is there', { timeout: 120_000 }, async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // The open-file code is held back, as on a slow connection; the picture and the canvas come first.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/open-file-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(appUrl());
    await waitForCanvas(page);
    expect(await page.getByRole('button', { name: 'Open a file…' }).isDisabled()).toBe(true);
    const handle = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'early.json', { type: 'application/json' }));
      return dt;
    }, myBundle());
    await page.dispatchEvent('main', 'dragover', { dataTransfer: handle });
    // The drop is taken by the page (the browser would otherwise open the file in place of the app).
    const prevented = await page.evaluate(
      (dt) => {
        const e = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
        document.querySelector('main')!.dispatchEvent(e);
        return e.defaultPrevented;
      },
      handle,
    );
    expect(prevented).toBe(true);
    release();
    await poll(() => page.locator('.notice').innerText()).toMatch(/^Opened early\.json/);
    await context.close();
  });

  it('opens by drag and drop anywhere, and by ?src= from this site only; a link to it elsewhere says it is not there', { timeout: 180_000 }, async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(appUrl());
    await waitForCanvas(page);
    // The drop handler comes with the open-file code, loaded after the first picture; its button is enabled then.
    await page.getByRole('button', { name: 'Open a file…' }).and(page.locator(':enabled')).waitFor();
    const handle = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, myBundle());
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: handle });
    await page.dispatchEvent('main', 'drop', { dataTransfer: handle });
    await poll(() => page.locator('.notice').innerText()).toMatch(/^Opened dropped\.json/);
    const link = page.url();

    writeFileSync(SRC_FILE, myBundle().replace('My lab’s amniotic pathway', 'Fetched pathway'));
    await page.goto(appUrl('?src=./e2e-src-bundle.json'));
    await poll(() => page.locator('.notice').innerText()).toMatch(/^Opened e2e-src-bundle\.json/);
    await waitForCanvas(page);
    await page.goto(appUrl('?src=https://example.org/graph.json'));
    await poll(() => page.locator('.notice').innerText()).toMatch(/only files from this site open by link/);

    const elsewhere = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    const other = await elsewhere.newPage();
    await other.goto(link);
    await waitForCanvas(other);
    await poll(() => other.locator('.notice').count()).toBe(1);
    expect(await other.locator('.notice').innerText()).toMatch(/a graph someone imported .* is not in this browser; showing Fig\. 1 instead/);
    await elsewhere.close();
    await context.close();
  });
});
