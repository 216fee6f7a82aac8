import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readDpi } from '../../src/export/png-dpi.ts';
import { appUrl, expectPageError, openApp, waitForCanvas, useBrowser } from './browser.ts';

const getBrowser = useBrowser();

async function exportFile(page: Page, format: string, size?: string) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  if (size) await dialog.getByRole('combobox', { name: 'Size' }).selectOption(size);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  const path = await download.path();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

function inkShare(png: PNG): number {
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 3]! > 0 && (png.data[i]! < 200 || png.data[i + 1]! < 200 || png.data[i + 2]! < 200)) ink++;
  return ink / (png.width * png.height);
}

describe('exports in Chromium', () => {
  it('PNG of a figure at 1920×1080 and 4K: the chosen size, with real content, whatever the screen pixel ratio', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2, acceptDownloads: true });
    const p = page;
    await p.goto(appUrl());
    await waitForCanvas(p);
    for (const [preset, w, h] of [
      ['slide-hd', 1920, 1080],
      ['slide-4k', 3840, 2160],
    ] as const) {
      const file = await exportFile(p, 'PNG image', preset);
      expect(file.name).toBe(`msc-pof-atlas-fig1-${w}x${h}.png`);
      const png = PNG.sync.read(file.bytes);
      expect([png.width, png.height]).toEqual([w, h]);
      expect(inkShare(png)).toBeGreaterThan(0.03);
    }
    const print = await exportFile(p, 'PNG image', 'print-a4');
    const png = PNG.sync.read(print.bytes);
    expect([png.width, png.height]).toEqual([3508, 2480]);
    expect(readDpi(new Uint8Array(print.bytes))).toBe(300);
    await page.close();
  });

  it('SVG parses and carries the title; .cyjs reloads with the same element count; CSV has a header and rows; references export', async () => {
    const { page } = await openApp(getBrowser(), '?view=atlas&sources=hbmmsc,hafmsc');
    const counts = await page.evaluate(() => ({ n: window.mscAtlas!.cy.main!.nodes().length, e: window.mscAtlas!.cy.main!.edges().length }));

    const svg = (await exportFile(page, 'SVG image (vector)')).bytes.toString('utf8');
    // Parsed by the page's DOMParser, the file's own <style> (its embedded font) falls under the page's CSP, which
    // logs a refusal: that is this check's doing, not the app's, so the shared page-error hook is told to expect it.
    expectPageError(/^console error at \?view=atlas&sources=hbmmsc,hafmsc: Applying inline style violates/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { errors: doc.getElementsByTagName('parsererror').length, title: doc.querySelector('title')?.textContent, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent) };
    }, svg);
    expect(parsed.errors).toBe(0);
    expect(parsed.title).toBe('Atlas: all MSC sources of the review');
    expect(parsed.texts).toContain('Atlas: all MSC sources of the review');
    expect(parsed.texts).toContain('hBMMSC — bone marrow');

    const cyjsFile = await exportFile(page, 'Cytoscape.js JSON (.cyjs, with positions) and a Cytoscape style');
    expect(cyjsFile.name).toBe('msc-pof-atlas-atlas.cyjs');
    const json = JSON.parse(cyjsFile.bytes.toString('utf8'));
    const cy = cytoscape({ headless: true, elements: json.elements, layout: { name: 'preset' } });
    expect([cy.nodes().length, cy.edges().length]).toEqual([counts.n, counts.e]);

    const csvBytes = (await exportFile(page, 'Evidence table (CSV)')).bytes;
    // UTF-8 byte-order mark first, for Excel.
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = csvBytes.subarray(3).toString('utf8').split('\r\n');
    expect(csv[0]).toMatch(/^edge_id,source,relation,sign,target,/);
    expect(csv.length).toBeGreaterThan(counts.e);

    const bib = (await exportFile(page, 'References (BibTeX)')).bytes.toString('utf8');
    expect(bib).toMatch(/@article\{fu2021msc,/);
    const ris = (await exportFile(page, 'References (RIS)')).bytes.toString('utf8');
    expect(ris).toMatch(/^TY {2}- JOUR/);
    const csl = JSON.parse((await exportFile(page, 'References (CSL-JSON: Zotero, Mendeley, pandoc)')).bytes.toString('utf8')) as { id: string; author: { family: string; given: string }[] }[];
    expect(csl[0]!.id).toBe('fu2021msc');
    expect(csl.every((it) => it.author.every((a) => a.family && a.given))).toBe(true);
    await page.close();
  });

  it('PowerPoint slide of a figure, the atlas with two sources and a comparison: a shape per node, a line per edge', async () => {
    for (const [query, panes] of [
      ['?figure=fig1', ['main']],
      ['?view=atlas&sources=hbmmsc,hafmsc', ['main']],
      ['?view=compare&left=source:hpmsc&right=source:humsc', ['difference']],
      ['?view=compare&left=source:hpmsc&right=source:humsc&panes=twin', ['left', 'right']],
    ] as const) {
      const { page } = await openApp(getBrowser(), query);
      await waitForCanvas(page, panes[0]);
      // What the canvas shows; what is dimmed ('off') is left out of exports. Twin panes too small for a slide
      // become the difference diagram: each entity and relation of either side once.
      const counts = await page.evaluate((names) => {
        const cys = names.map((n) => window.mscAtlas!.cy[n]!);
        const ids = (pick: 'nodes' | 'edges') => new Set(cys.flatMap((cy) => cy[pick]().not('.off').map((el) => el.id()))).size;
        return { n: ids('nodes'), e: ids('edges') };
      }, [...panes]);
      const file = await exportFile(page, 'PowerPoint slide (editable shapes)');
      expect(file.name).toMatch(/\.pptx$/);
      const zip = await JSZip.loadAsync(file.bytes);
      const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
      expect((slide.match(/<p:cNvPr id="\d+" name="node:/g) ?? []).length, query).toBe(counts.n);
      // By default each edge is a line along its drawn route, named after the edge.
      expect((slide.match(/<p:cNvPr id="\d+" name="edge:/g) ?? []).length, query).toBe(counts.e);
      expect(slide, query).not.toContain('<p:cxnSp>');
      if (query === '?figure=fig1') {
        // Or, chosen in the dialog, one glued connector per edge.
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Export' });
        await dialog.getByRole('radio', { name: 'PowerPoint slide (editable shapes)' }).check();
        await dialog.getByRole('radio', { name: /Straight connectors glued to the nodes/ }).check();
        const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
        const glued = await (await JSZip.loadAsync(readFileSync(await download.path()))).file('ppt/slides/slide1.xml')!.async('string');
        expect((glued.match(/<p:cxnSp>/g) ?? []).length).toBe(counts.e);
        expect((glued.match(/<a:stCxn id=/g) ?? []).length).toBe(counts.e);
      }
      await page.close();
    }
  });

  it('SVG embeds an Inter subset the browser loads, groups nodes and edges, and takes its own page size; PDF in A4', async () => {
    const { page } = await openApp(getBrowser(), '?figure=fig1');
    await waitForCanvas(page);
    const counts = await page.evaluate(() => ({ n: window.mscAtlas!.cy.main!.nodes().length, e: window.mscAtlas!.cy.main!.edges().length }));
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'SVG image (vector)' }).check();
    await dialog.getByRole('combobox', { name: 'Page size' }).selectOption('a4');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
    const svg = readFileSync(await svgDownload.path()).toString('utf8');
    expect(svg).toMatch(/<svg [^>]*width="297mm" height="210mm" viewBox="0 0 1123 794"/);
    const face = /@font-face\{font-family:"Inter Export";font-weight:400;src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/.exec(svg);
    expect(face).not.toBeNull();
    // Only the glyphs used: far smaller than the whole font.
    expect(Buffer.from(face![1]!, 'base64').length).toBeLessThan(readFileSync('src/generated/fonts/inter-400.ttf').length / 4);

    await dialog.getByRole('radio', { name: 'PDF (vector, for print)' }).check();
    await dialog.getByRole('combobox', { name: 'Page size' }).selectOption('a4');
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
    expect(pdfDownload.suggestedFilename()).toBe('msc-pof-atlas-fig1.pdf');
    const pdfPath = await pdfDownload.path();
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' })).toMatch(/\+Inter-Regular +CID TrueType +Identity-H +yes yes yes/);
    expect(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })).toContain('miR-144-5p');
    await page.close();

    // The SVG on its own in Chromium: the embedded face loads, and every node and edge is a titled group.
    const viewer = await getBrowser().newPage({ viewport: { width: 1200, height: 850 } });
    await viewer.setContent(`<!doctype html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
    const seen = await viewer.evaluate(async () => {
      await document.fonts.ready;
      const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Inter Export');
      await Promise.all(faces.map((f) => f.load()));
      return {
        faces: faces.map((f) => f.status),
        nodes: document.querySelectorAll('g.node > title').length,
        edges: document.querySelectorAll('g.edge > title').length,
        rendered: document.fonts.check('13px "Inter Export"', 'PTEN'),
      };
    });
    expect(seen.faces).toEqual(['loaded', 'loaded']);
    expect(seen.rendered).toBe(true);
    expect(seen.nodes).toBe(counts.n);
    expect(seen.edges).toBe(counts.e);
    await viewer.screenshot({ path: 'test-results/svg-a4-in-chromium.png' });
    await viewer.close();
  });

  it('exports both compare panes in one image at the drawing\'s own size; on a slide, the difference diagram', async () => {
    const { page } = await openApp(getBrowser(), '?view=compare&left=source:hpmsc&right=source:humsc&panes=twin');
    await waitForCanvas(page, 'left');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'PNG image' }).check();
    await dialog.getByRole('combobox', { name: 'Size' }).selectOption('scale');
    await dialog.getByRole('spinbutton', { name: 'Scale' }).fill('1');
    const [own] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
    expect(await dialog.getByRole('status').filter({ hasText: /^Saved/ }).innerText()).not.toMatch(/Laid out afresh/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const png = PNG.sync.read(readFileSync(await own.path()));
    // Ink on both halves of the drawing area: two panes side by side.
    const half = (x0: number, x1: number) => {
      let ink = 0;
      for (let y = Math.round(png.height * 0.2); y < png.height * 0.8; y += 2) for (let x = x0; x < x1; x += 2) {
        const i = (y * png.width + x) * 4;
        if (png.data[i]! < 200) ink++;
      }
      return ink;
    };
    const drawing = png.width - 300;
    expect(half(40, Math.round(drawing / 2) - 20)).toBeGreaterThan(500);
    expect(half(Math.round(drawing / 2) + 20, drawing)).toBeGreaterThan(500);

    const file = await exportFile(page, 'PNG image', 'slide-hd');
    expect(file.name).toBe('msc-pof-atlas-compare-hpmsc-humsc-1920x1080.png');
    const slide = PNG.sync.read(file.bytes);
    expect([slide.width, slide.height]).toEqual([1920, 1080]);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export' }).getByRole('radio', { name: 'PNG image' }).check();
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Download' }).click()]);
    expect(again.suggestedFilename()).toMatch(/-1920x1080\.png$/);
    expect(await page.getByRole('dialog', { name: 'Export' }).getByRole('status').filter({ hasText: /^Saved/ }).innerText()).toMatch(/Laid out afresh for the page/);
    await page.close();
  });

  it('refuses an export larger than the browser can draw and offers the largest size that works', async () => {
    const { page } = await openApp(getBrowser(), '?view=atlas');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'PNG image' }).check();
    await dialog.getByRole('combobox', { name: 'Size' }).selectOption('scale');
    await dialog.getByRole('spinbutton', { name: 'Scale' }).fill('20');
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await dialog.getByRole('button', { name: 'Download' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert.innerText()).resolves.toMatch(/browsers can reliably draw at most 16,777,216/);
    expect(downloaded).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: /^Export at \d+ × \d+ px$/ }).click()]);
    const png = PNG.sync.read(readFileSync(await download.path()));
    expect(png.width * png.height).toBeLessThanOrEqual(16_777_216);
    expect(inkShare(png)).toBeGreaterThan(0.01);
    await page.close();
  });
});
