/**
 * The first view before any script: each figure's page carries its picture (inline SVG with a title and a text
 * description), and the canvas takes over at the same place and size.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { figureView } from '../../src/model/view.ts';
import { pictureSvg } from '../../src/prerender/picture.ts';
import { shippedModel } from '../helpers/model.ts';
import { storedLayout } from '../helpers/stored-layout.ts';
import { expectNoJump, picturedNodes } from '../helpers/takeover.ts';
import { appUrl, expectPageError, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();
const VIEWPORT = { width: 1440, height: 900 };

/**
 * Where the page's picture draws each node (read with scripts off), then the same address opened with scripts in a
 * fresh context, once the canvas of `pane` has drawn under the picture.
 */
async function pictureThenCanvas(search: string, pane?: string) {
  const noScript = await getBrowser().newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
  const before = await noScript.newPage();
  await before.goto(appUrl(search));
  const drawn = await picturedNodes(before);
  await noScript.close();
  const context = await getBrowser().newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(appUrl(search));
  await waitForCanvas(page, pane);
  return { drawn, context, page };
}

/**
 * Every element of the page whose text the browser draws in a font other than Inter, with the font and the text:
 * Chromium's own answer (DevTools' CSS.getPlatformFontsForNode), for elements and their ::before and ::after.
 */
async function notInInter(page: Page): Promise<string[]> {
  type Node = { nodeId: number; nodeType: number; localName?: string; nodeValue?: string; children?: Node[]; pseudoElements?: Node[] };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: Node };
  const elements: [Node, string][] = [];
  const walk = (node: Node, parent: string) => {
    if (node.nodeType === 1) elements.push([node, parent]);
    for (const child of [...(node.children ?? []), ...(node.pseudoElements ?? [])]) walk(child, node.localName ?? parent);
  };
  walk(root, '');
  // (All asked at once: DevTools answers them in order, without a round trip each. An element the app has removed
  // meanwhile has no font to answer with.)
  const found = await Promise.all(
    elements.map(async ([node, parent]) => {
      const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId }).catch((e: Error) => {
        if (/Could not find node/.test(e.message)) return { fonts: [] };
        throw e;
      })) as { fonts: { familyName: string }[] };
      const text = (node.children ?? []).filter((c) => c.nodeType === 3).map((c) => c.nodeValue).join('').trim();
      return fonts.filter((f) => f.familyName !== 'Inter').map((f) => `${parent} > ${node.localName}: ${f.familyName} for "${text}"`);
    }),
  );
  await cdp.detach();
  return found.flat();
}

describe('the fonts of the first picture', () => {
  // Every figure and table, a comparison and the atlas page.
  const pages = ['fig1', 'fig2', 'fig3', 'table1', 'table2', 'fig4', 'fig5', 'fig6', 'other', 'fig7', 'compare-source-hpmsc-source-humsc', 'atlas'];

  it('sets every text of every page in Inter, form controls and drawn triangles included, with scripts off', async () => {
    for (const id of pages) {
      const context = await getBrowser().newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(appUrl(`${id}.html`));
      await page.evaluate(() => document.fonts.ready);
      expect(await notInInter(page), id).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('keeps every text in Inter once the app runs: the side panel open, the legend folded, a node’s details, a sorted summary', async () => {
    const context = await getBrowser().newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    await page.getByRole('button', { name: /Sources, filters & paths/ }).click();
    await page.getByRole('region', { name: 'Legend' }).getByRole('button', { name: 'Legend' }).click();
    const box = await page.locator('.main-graph .cy').boundingBox();
    const pos = await page.evaluate(() => window.mscAtlas!.cy.main!.getElementById('pten').renderedPosition());
    await page.mouse.click(box!.x + pos.x, box!.y + pos.y);
    await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 3 }).innerText()).resolves.toBe('PTEN');
    await page.evaluate(() => document.fonts.ready);
    expect(await notInInter(page)).toEqual([]);
    await page.goto(appUrl('?view=compare&left=source:hpmsc&right=source:humsc'));
    await waitForCanvas(page, 'difference');
    const entity = page.getByRole('columnheader', { name: 'Entity' });
    await entity.getByRole('button').click();
    await expect(entity.getAttribute('aria-sort')).resolves.toBe('ascending');
    await page.evaluate(() => document.fonts.ready);
    expect(await notInInter(page)).toEqual([]);
    await context.close();
  });

  it('sets the text in a family of loaded faces only: Inter is the two start faces, every other face is Inter Extra, which comes with the app', async () => {
    // A face of the family a text is set in that is not loaded is stood in for by a system font at every size and
    // weight laid out, each looked up in a synchronous call to the browser process before the first picture (17 to
    // 20 of them on Fig. 1 when @fontsource's faces were in Inter's family). (How many a page makes: npm run bench.)
    // The page itself has no other face: Inter Extra's fourteen rules cost its first layout 4–6 ms (start.tsx).
    for (const id of ['fig1', 'compare-source-hpmsc-source-humsc']) {
      for (const scripts of [false, true]) {
        const context = await getBrowser().newContext({ viewport: VIEWPORT, javaScriptEnabled: scripts });
        const page = await context.newPage();
        await page.goto(appUrl(`${id}.html`));
        if (scripts) await waitForCanvas(page, id === 'fig1' ? 'main' : 'difference');
        await page.evaluate(() => document.fonts.ready);
        const faces = await page.evaluate(() => [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ''), weight: f.weight, status: f.status })));
        expect(faces.filter((f) => f.family === 'Inter'), id).toEqual([
          { family: 'Inter', weight: '400', status: 'loaded' },
          { family: 'Inter', weight: '600', status: 'loaded' },
        ]);
        const extra = faces.filter((f) => f.family === 'Inter Extra');
        if (scripts) expect(extra.length, id).toBeGreaterThanOrEqual(10);
        else expect(extra, id).toEqual([]);
        expect(extra.every((f) => f.status === 'unloaded'), id).toBe(true);
        expect(faces.length, id).toBe(2 + extra.length);
        await context.close();
      }
    }
  });
});

describe('prerendered pages', () => {
  it('show every figure’s own picture with scripts off, and its text alternative', async () => {
    const context = await getBrowser().newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(appUrl());
    const ids = await page.getByRole('combobox', { name: 'Figure' }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) {
      // The address the app writes for a figure, and the link form `?figure=…` (served the same page by vite preview).
      for (const url of [appUrl(`${id}.html?figure=${id}`), appUrl(`?figure=${id}`)]) {
        await page.goto(url);
        const picture = page.getByRole('img', { name: /./ }).first();
        const title = await page.getByRole('combobox', { name: 'Figure' }).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent);
        expect(await picture.getAttribute('aria-labelledby'), url).toBe('prerender-title prerender-desc');
        expect(await page.locator('.prerender-picture title#prerender-title').textContent(), url).toBe(title!.replace(': ', ' '));
        expect(await page.locator('.prerender-picture desc').textContent(), url).toMatch(/^\d+ entities and \d+ relations\. /);
        expect(await page.locator('.prerender-picture g.node').count(), url).toBeGreaterThan(0);
        const box = await page.locator('.prerender-picture svg').boundingBox();
        expect(box!.width * box!.height, url).toBeGreaterThan(100 * 100);
      }
    }
    await page.goto(appUrl('?figure=fig2'));
    // Its style is in the page (allowed by its hash): the picture waits for no style sheet request.
    expect(await page.locator('head link[rel="stylesheet"]').count()).toBe(0);
    expect(await page.locator('.graph-stage').evaluate((el) => getComputedStyle(el).position)).toBe('relative');
    await screenshot(page, 'prerendered-fig2-no-script');
    await context.close();
  });

  it('draws a page’s text from two small Inter faces in the page itself, fetching no font, and a character outside them from Inter’s own file', async () => {
    const context = await getBrowser().newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on('request', (r) => {
      if (/\.(woff2?|ttf)$/.test(r.url())) fonts.push(new URL(r.url()).pathname.replace(/^.*\//, ''));
    });
    // Fig. 2 has Greek letters (IL-1β, TNF-α, NF-κB), Table 2 the most labels; then the app is used: another figure,
    // a selection's details with their references.
    for (const id of ['fig2', 'table2']) {
      const response = await page.goto(appUrl(`?figure=${id}`));
      const html = await response!.text();
      await waitForCanvas(page);
      // The two start faces are in the page (weights 400 and 600, each a woff2 of the start-fonts size), each
      // preloaded as its data: URL, which makes the first frame wait for it (render-blocking) rather than draw its
      // text invisible; the page preloads no font file: its first picture waits for no request.
      const inline = [...html.matchAll(/font-weight:(\d+);src:url\((data:font\/woff2;base64,[^)]+)\)/g)].map((m) => [m[1], m[2]!] as const);
      expect(inline.map(([w]) => w)).toEqual(['400', '600']);
      for (const [, url] of inline) {
        const bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
        expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
        expect(bytes.length).toBeGreaterThan(8 * 1024);
        expect(bytes.length).toBeLessThan(14 * 1024);
      }
      const preloaded = await page.locator('link[rel="preload"][as="font"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
      expect(preloaded).toEqual(inline.map(([, url]) => url));
    }
    await page.getByRole('combobox', { name: 'Figure' }).selectOption('fig1');
    await waitForCanvas(page);
    const box = await page.locator('.main-graph .cy').boundingBox();
    const pos = await page.evaluate(() => window.mscAtlas!.cy.main!.getElementById('pten').renderedPosition());
    await page.mouse.click(box!.x + pos.x, box!.y + pos.y);
    await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 3 }).innerText()).resolves.toBe('PTEN');
    await page.evaluate(() => document.fonts.ready);
    expect(fonts).toEqual([]);
    // Drawn in Inter: the two faces are loaded, and the labels' text is measured in them, not in a fallback.
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight}`));
    expect(loaded.sort()).toEqual(['Inter 400', 'Inter 600']);
    expect(await page.evaluate(() => document.fonts.check('600 13px Inter', 'TNF-α β-catenin'))).toBe(true);
    // A character the app never writes (a user's graph in Cyrillic), in the app's text: Inter's own file for it is
    // fetched (a family of its own, Inter Extra, after Inter in the app's font list).
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Жизнь';
      document.querySelector('.app')!.append(p);
      p.getBoundingClientRect();
      return document.fonts.ready;
    });
    expect(fonts.some((f) => /^inter-cyrillic-400-normal-[\w-]{8}\.woff2$/.test(f))).toBe(true);
    expect(await notInInter(page)).toEqual([]);
    expect(fonts.some((f) => /^inter-latin-400-normal-/.test(f))).toBe(false);
    await context.close();
    // The start faces' own files, and the style sheet every page carries in itself, are not in the build (nor in the
    // service worker's precache list): nothing asks for them.
    const assets = readdirSync(resolve(import.meta.dirname, '../../dist/assets'));
    expect(assets.filter((f) => /^inter-start-|^index-[\w-]{8}\.css$/.test(f))).toEqual([]);
    expect(assets.filter((f) => /^inter-cyrillic-400-normal-[\w-]{8}\.woff2$/.test(f))).toHaveLength(1);
    const sw = await (await fetch(appUrl('sw.js'))).text();
    expect(sw).not.toMatch(/inter-start-|assets\/index-[\w-]{8}\.css/);
    expect(sw).toMatch(/assets\/inter-cyrillic-400-normal-[\w-]{8}\.woff2/);
  });

  it('draws each page’s first picture from the page alone: with every other request refused, the same pixels, text in Inter', async () => {
    // The start page, the figure with Greek letters, the one with the most labels, a multi-source one and a comparison.
    const ids = ['index', 'fig2', 'table2', 'fig7', 'compare-source-hpmsc-source-humsc'];
    for (const id of ids) {
      const shots: PNG[] = [];
      for (const only of [false, true]) {
        // (A context of its own each: a page that came after another one may draw its form controls a pixel apart.)
        const context = await getBrowser().newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
        const refused: string[] = [];
        if (only) {
          expectPageError(/Failed to load resource/);
          await context.route('**/*', (route) => {
            if (route.request().resourceType() === 'document') return route.continue();
            refused.push(new URL(route.request().url()).pathname);
            return route.abort();
          });
        }
        const page = await context.newPage();
        await page.goto(appUrl(`${id}.html`));
        await page.evaluate(() => document.fonts.ready);
        const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight}`).sort());
        expect(faces, id).toEqual(['Inter 400', 'Inter 600']);
        // The Figure menu masked: Chromium keeps a <select>'s text where the font it had at its first layout put it,
        // and when the page's Inter faces (decoded in a task of their own) come after that layout, as on a busy
        // machine, its text sits 1 px higher (1,343 pixels), refused requests or not (reproduced every time with the
        // faces served late). Laying it out afresh instead made rounded corners differ under load.
        shots.push(PNG.sync.read(await page.screenshot({ mask: [page.locator('select')] })));
        // (What was refused: the page's scripts and data, fetched for the app, none of which the picture waits for.)
        expect(refused.filter((p) => /\.(woff2?|ttf)$/.test(p)), id).toEqual([]);
        await context.close();
      }
      const [a, b] = shots;
      expect([b!.width, b!.height], id).toEqual([a!.width, a!.height]);
      expect(Buffer.compare(a!.data, b!.data), id).toBe(0);
    }
  });

  it('sends a figure’s portrait picture (for phones held upright) as a file of its own, which a wider screen never fetches', async () => {
    const context = await getBrowser().newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    const response = await page.goto(appUrl('?figure=fig2'));
    const html = await response!.text();
    await waitForCanvas(page);
    // One picture in the page: the usual one, naming its portrait one.
    expect(html.match(/aria-labelledby="prerender-title/g)?.length).toBe(1);
    expect(html).not.toContain('prerender-title-portrait');
    const src = /<div class="prerender-picture"[^>]* data-portrait="([^"]+)"/.exec(html)?.[1];
    expect(src).toMatch(/^\.\/assets\/portrait-figure-fig2-\w{8}\.svg$/);
    expect(html).toContain(`<link rel="preload" href="${src}" as="fetch" crossorigin media="(max-width: 699px) and (orientation: portrait)">`);
    expect(fetched.filter((p) => /portrait-figure-.*\.svg$/.test(p))).toEqual([]);
    expect(await page.locator('.prerender-portrait').count()).toBe(0);
    // The file is the portrait drawing with its own text alternative.
    const svg = await (await page.request.get(appUrl(src!.slice(2)))).text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" [^>]*aria-labelledby="prerender-title-portrait prerender-desc-portrait">/);
    expect(svg).toContain('<title id="prerender-title-portrait">Fig. 2 ');
    expect((svg.match(/ class="node"/g) ?? []).length).toBe((html.match(/ class="node"/g) ?? []).length);
    await context.close();
  });

  it('draws every figure with the same pixels as the painter’s own shapes, in about half the bytes', async () => {
    const model = shippedModel();
    const context = await getBrowser().newContext({ viewport: { width: 1800, height: 1400 } });
    const page = await context.newPage();
    const shot = async (svg: string) => {
      await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
      return PNG.sync.read(await page.locator('svg').first().screenshot());
    };
    for (const figure of model.figures) {
      const view = figureView(model, figure.id)!;
      const full = pictureSvg(view, storedLayout(view.key), undefined, '', { compact: false });
      const compact = pictureSvg(view, storedLayout(view.key));
      // (The shapes, after the title and the text description, which stay as they are.)
      const shapes = (svg: string) => svg.slice(svg.indexOf('</desc>')).length;
      expect(shapes(compact), figure.id).toBeLessThan(shapes(full) * 0.6);
      expect(compact.match(/ class="node"/g)?.length, figure.id).toBe(view.nodes.length);
      const [a, b] = [await shot(full), await shot(compact)];
      expect([b.width, b.height], figure.id).toEqual([a.width, a.height]);
      let differing = 0;
      for (let i = 0; i < a.data.length; i += 4)
        if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 60) differing++;
      // Coordinates to a tenth move an antialiased edge pixel here and there, nothing more.
      expect(differing / (a.width * a.height), figure.id).toBeLessThan(0.002);
    }
    await context.close();
  });

  it('hands over to the canvas with every node where the picture drew it, and removes the picture', async () => {
    const { drawn, context, page } = await pictureThenCanvas('?figure=fig2');
    // The canvas has drawn, unseen under the picture: the page still shows the pixels it was sent with.
    expect(await page.locator('.prerender-picture svg').count()).toBe(1);
    expect(await page.locator('.graph-stage.covered').count()).toBe(1);
    expect(await page.locator('.graph-stage.covered .cy').evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    // The reader's pointer over the diagram hands over to the canvas.
    const stage = (await page.locator('.main-graph .cy').boundingBox())!;
    await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
    await page.waitForFunction(() => !document.querySelector('.prerender-picture'));
    expect(await page.locator('.graph-stage.covered').count()).toBe(0);
    await expectNoJump(page, drawn, 40);
    await screenshot(page, 'prerendered-fig2-taken-over');
    await context.close();
  });

  // Every figure's page and a comparison's: until the reader acts, the page keeps what it was sent with. Nothing the
  // app does after its first render (the rest of the data arriving, say) may uncover the canvas, move it under the
  // picture, or put a loading message in place of the shared factors the page listed; then the canvas takes over with
  // every node where the picture drew it.
  const PAGES = [
    ...shippedModel()
      .figures.filter((f) => !f.imported)
      .map((f) => ({ search: `?figure=${f.id}`, pane: 'main' })),
    { search: '?view=compare&left=source:hpmsc&right=source:humsc', pane: 'difference' },
    { search: '?view=compare&left=figure:fig2&right=figure:fig5', pane: 'difference' },
  ];
  it.each(PAGES)('keeps the picture and the page’s text of $search until the reader acts, then takes over with no jump', async ({ search, pane }) => {
    const noScript = await getBrowser().newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
    const before = await noScript.newPage();
    await before.goto(appUrl(search));
    const drawn = await picturedNodes(before);
    const sharedSent = await before.locator('.shared-factors').evaluateAll((s) => s.map((e) => (e as HTMLElement).innerText));
    await noScript.close();
    const context = await getBrowser().newContext({ viewport: VIEWPORT });
    // From the first byte: did the picture, once there, ever leave the page, and did the shared factors ever say
    // they were loading?
    await context.addInitScript(() => {
      const seen = { picture: false, pictureGone: false, loading: false };
      (window as unknown as { takeoverSeen: typeof seen }).takeoverSeen = seen;
      new MutationObserver(() => {
        const there = document.querySelector('.prerender-picture svg') !== null;
        if (there) seen.picture = true;
        else if (seen.picture) seen.pictureGone = true;
        if ([...document.querySelectorAll('.shared-factors [role="status"]')].some((e) => /Loading/.test(e.textContent ?? ''))) seen.loading = true;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const page = await context.newPage();
    await page.goto(appUrl(search));
    await waitForCanvas(page, pane);
    const viewport = (p: string) =>
      page.evaluate((p) => {
        const cy = window.mscAtlas!.cy[p]!;
        return { zoom: cy.zoom(), pan: cy.pan() };
      }, p);
    const first = await viewport(pane);
    // Whatever the app fetches after its first render has arrived and been drawn.
    await page.waitForLoadState('networkidle');
    await waitForCanvas(page, pane);
    const seen = await page.evaluate(() => (window as unknown as { takeoverSeen: { picture: boolean; pictureGone: boolean; loading: boolean } }).takeoverSeen);
    expect(seen).toEqual({ picture: true, pictureGone: false, loading: false });
    expect(await page.locator('.graph-stage.covered .prerender-picture svg').count()).toBe(1);
    expect(await viewport(pane)).toEqual(first);
    expect(await page.locator('.shared-factors').evaluateAll((s) => s.map((e) => (e as HTMLElement).innerText))).toEqual(sharedSent);
    // The reader's pointer over the diagram hands over to the canvas, which draws every node where the picture did.
    const stage = (await page.locator(`.graph-stage:has(.prerender-picture) .cy`).boundingBox())!;
    await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
    await page.waitForFunction(() => !document.querySelector('.prerender-picture'));
    await expectNoJump(page, drawn, Math.min(5, Object.keys(drawn).length - 1), pane);
    await context.close();
  });

  it('keeps the picture, and the canvas where it is under it, when the whole model arrives for a search', async () => {
    const context = await getBrowser().newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(appUrl('?figure=fig3'));
    await waitForCanvas(page);
    const viewport = () => page.evaluate(() => ({ zoom: window.mscAtlas!.cy.main!.zoom(), pan: window.mscAtlas!.cy.main!.pan() }));
    const first = await viewport();
    expect(fetched.some((p) => /model-atlas-[\w-]{8}\.json$/.test(p))).toBe(false);
    // Typing in the search box (outside the diagram) loads every figure's data to search it.
    await page.getByRole('searchbox', { name: 'Search entities' }).fill('PTE');
    await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length > 0);
    expect(fetched.some((p) => /model-atlas-[\w-]{8}\.json$/.test(p))).toBe(true);
    await waitForCanvas(page);
    expect(await page.locator('.graph-stage.covered .prerender-picture svg').count()).toBe(1);
    expect(await viewport()).toEqual(first);
    await context.close();
  });

  it('lets a click on a node under the picture select it, and gives way to a selection made elsewhere', async () => {
    const context = await getBrowser().newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    expect(await page.locator('.prerender-picture svg').count()).toBe(1);
    const at = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      const p = cy.getElementById('pten').renderedPosition();
      const r = cy.container()!.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await page.mouse.click(at.x, at.y);
    await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 3 }).innerText()).resolves.toBe('PTEN');
    expect(await page.locator('.prerender-picture').count()).toBe(0);
    // (The canvas restyles for a new selection after the frame that shows its details.)
    await expect.poll(() => page.evaluate(() => window.mscAtlas!.cy.main!.$(':selected').map((e) => e.id()))).toEqual(['pten']);

    // Fresh page: a selection from the search box changes the drawing, so the canvas shows it.
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    expect(await page.locator('.prerender-picture svg').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search entities' }).fill('PTEN');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.mscAtlas!.cy.main!.$(':selected').length === 1);
    await page.waitForFunction(() => !document.querySelector('.prerender-picture'));
    await context.close();
  });

  it('opens the atlas page without loading the stored atlas layout it does not use', async () => {
    const context = await getBrowser().newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(appUrl('atlas.html?view=atlas'));
    await waitForCanvas(page);
    expect(scripts.some((p) => /\/assets\/index-[\w-]{8}\.js$/.test(p))).toBe(true);
    // The atlas is laid out in the page (compact.ts); its stored ELK layout (assets/atlas-….js) is for exports only.
    expect(scripts.filter((p) => /\/assets\/atlas-[\w-]{8}\.js$/.test(p))).toEqual([]);
    await context.close();
  });
  it('sends each shipped comparison with its difference diagram drawn, with scripts off, and its text alternative', async () => {
    const context = await getBrowser().newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
    const page = await context.newPage();
    // The address the app writes, the link form (served the same page by vite preview), a figure pair, and a pair
    // in the other order: each its own picture.
    for (const [url, left, right] of [
      [appUrl('compare-source-hpmsc-source-humsc.html?view=compare&left=source:hpmsc&right=source:humsc'), 'hPMSC', 'huMSC'],
      [appUrl('?view=compare&left=source:humsc&right=source:hpmsc'), 'huMSC', 'hPMSC'],
      [appUrl('?view=compare&left=figure:fig2&right=figure:fig5'), 'Fig. 2', 'Fig. 5'],
    ] as const) {
      await page.goto(url);
      const picture = page.locator('.compare-difference .prerender-picture svg');
      expect(await picture.getAttribute('aria-labelledby'), url).toBe('prerender-title prerender-desc');
      expect(await page.locator('.prerender-picture title#prerender-title').textContent(), url).toMatch(new RegExp(`^${left}.* / ${right}.*: what differs$`));
      expect(await page.locator('.prerender-picture desc').textContent(), url).toMatch(/^\d+ entities and \d+ relations\. /);
      expect(await page.locator('.prerender-picture g.node').count(), url).toBeGreaterThan(10);
      const box = (await picture.boundingBox())!;
      expect(box.width * box.height, url).toBeGreaterThan(300 * 300);
      // The whole view is there, not its loading message: pickers on the pair, and the summary beside the diagram.
      expect(await page.getByRole('combobox', { name: 'Left' }).inputValue(), url).toMatch(/^(source|figure):/);
      expect(await page.getByRole('heading', { name: /^Summary: \d+ shared/ }).count(), url).toBe(1);
      expect(await page.getByText('Loading Compare…').count(), url).toBe(0);
    }
    await page.goto(appUrl('?view=compare&left=source:hpmsc&right=source:humsc'));
    await screenshot(page, 'prerendered-compare-no-script');
    await context.close();
  });

  it('hands a comparison over to its canvas with every node where the picture drew it', async () => {
    const { drawn, context, page } = await pictureThenCanvas('?view=compare&left=source:hpmsc&right=source:humsc', 'difference');
    // The address names the pair's own page; the canvas has drawn, unseen, under the picture.
    expect(new URL(page.url()).pathname).toMatch(/\/compare-source-hpmsc-source-humsc\.html$/);
    expect(await page.locator('.compare-difference .graph-stage.covered .prerender-picture svg').count()).toBe(1);
    const stage = (await page.locator('.compare-difference .cy').boundingBox())!;
    await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
    await page.waitForFunction(() => !document.querySelector('.prerender-picture'));
    await expectNoJump(page, drawn, 20, 'difference');
    await screenshot(page, 'prerendered-compare-taken-over');
    // The next pair is laid out for the stage's measured shape and drawn by the canvas.
    await page.getByRole('combobox', { name: 'Right' }).selectOption('source:hbmmsc');
    await page.waitForFunction(() => window.mscAtlas!.cy.difference!.nodes('#hbmmsc').length === 1);
    expect(new URL(page.url()).pathname).toMatch(/\/compare-source-hpmsc-source-hbmmsc\.html$/);
    await context.close();
  });

  it('lays a comparison out afresh for a stage of another shape than its picture’s, which then gives way to the canvas', async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(appUrl('?view=compare&left=source:hpmsc&right=source:humsc'));
    await waitForCanvas(page, 'difference');
    // No pointer, no key: the picture (laid out for a 16:10 laptop's stage) goes once the canvas has drawn.
    await page.waitForFunction(() => !document.querySelector('.prerender-picture'));
    const fill = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.difference!;
      const b = cy.elements().renderedBoundingBox();
      return Math.max((b.x2 - b.x1) / (cy.width() - 48), (b.y2 - b.y1) / (cy.height() - 48 - 22));
    });
    expect(fill).toBeGreaterThan(0.97);
    await context.close();
  });

  it('opens a figure’s page asked for without a query (fig2.html) on that figure, under its picture', async () => {
    const context = await getBrowser().newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(appUrl('fig2.html'));
    await waitForCanvas(page);
    expect(await page.locator('.prerender-picture[data-view="figure:fig2"] svg').count()).toBe(1);
    expect(await page.evaluate(() => window.mscAtlas!.cy.main!.getElementById('hpmsc').length)).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Figure' }).inputValue()).toBe('fig2');
    await context.close();
  });

  it('starts a link whose drawing differs from its page’s picture (a filter) from the canvas, not the picture', async () => {
    const context = await getBrowser().newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(appUrl('?figure=fig2&sign=decrease'));
    await waitForCanvas(page);
    expect(await page.locator('.prerender-picture').count()).toBe(0);
    await context.close();
  });
});
