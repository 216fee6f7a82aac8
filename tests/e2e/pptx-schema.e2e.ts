/**
 * Every view's PowerPoint deck, as the app saves it from the Export dialog, checked part by part with xmllint against
 * the ECMA-376 Transitional schemas and the Open Packaging Conventions (tests/fixtures/ooxml): what PowerPoint,
 * Keynote and Google Slides read, none of which runs here (LibreOffice opens the decks in office.e2e.ts).
 *
 * The views are those a researcher exports: every figure and table, a figure with other sources overlaid, the atlas
 * with one, two and three sources, with a filter and a path, and with every source (the overview slide, most nodes
 * unlabelled), comparisons of two sources and of two figures, twin panes (the difference diagram on a slide); edges
 * along their drawn routes, and for a few as straight connectors glued to their nodes.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validatePackage } from '../helpers/ooxml.ts';
import { shippedModel } from '../helpers/model.ts';
import { openApp, useBrowser } from './browser.ts';

const getBrowser = useBrowser();
const figures = shippedModel().figures.map((f) => f.id);

/** Saves the view's slide from the Export dialog: edges along their routes, or glued connectors. */
async function saveDeck(page: Page, glued: boolean): Promise<{ name: string; bytes: Buffer; status: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'PowerPoint slide (editable shapes)' }).check();
  if (glued) await dialog.getByRole('radio', { name: /Straight connectors glued to the nodes/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  const bytes = readFileSync(await download.path());
  const status = await dialog.getByRole('status').filter({ hasText: /^Saved/ }).innerText();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { name: download.suggestedFilename(), bytes, status };
}

const views: { name: string; query: string; glued?: boolean; overview?: boolean }[] = [
  ...figures.map((id) => ({ name: `figure ${id}`, query: `?figure=${id}`, glued: id === 'fig1' })),
  { name: 'Fig. 1 with hUMSC and hAMSC overlaid', query: '?figure=fig1&overlay=humsc,hamsc' },
  { name: 'atlas, one source', query: '?view=atlas&sources=hbmmsc' },
  { name: 'atlas, two sources', query: '?view=atlas&sources=hbmmsc,hafmsc', glued: true },
  { name: 'atlas, three sources', query: '?view=atlas&sources=hbmmsc,humsc,hamsc' },
  { name: 'atlas, a filter and a path', query: '?view=atlas&sources=hbmmsc,hafmsc&sign=decrease&path=hafmsc:amh' },
  { name: 'atlas, every source (overview)', query: '?view=atlas', glued: true, overview: true },
  { name: 'compare hPMSC / huMSC', query: '?view=compare&left=source:hpmsc&right=source:humsc' },
  { name: 'compare Fig. 2 / Fig. 3', query: '?view=compare&left=figure:fig2&right=figure:fig3' },
  { name: 'compare hPMSC / huMSC, twin panes', query: '?view=compare&left=source:hpmsc&right=source:humsc&panes=twin', glued: true },
];

describe('every view’s PowerPoint deck is valid against the ECMA-376 schemas', () => {
  it('covers every figure and table of the review', () => {
    expect(figures).toHaveLength(10);
  });

  it('the slide and PDF libraries (pptxgenjs, jsPDF) load only when a slide or a PDF is saved', async () => {
    const { page } = await openApp(getBrowser(), '?figure=fig1');
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    const loaded = (re: RegExp) => scripts.some((s) => re.test(s));
    // Reloaded with the listener on: everything the first view and the Export dialog fetch.
    await page.reload();
    // The page's own picture and its header come first: a click on Export before the app has taken over opens the
    // dialog once it has (app/early-input.ts).
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Close' }).click();
    expect(scripts.length).toBeGreaterThan(2);
    expect(loaded(/\/pptxgen[.-]/), scripts.join(' ')).toBe(false);
    expect(loaded(/\/jspdf[.-]/), scripts.join(' ')).toBe(false);
    await saveDeck(page, false);
    expect(loaded(/\/pptxgen[.-]/)).toBe(true);
    expect(loaded(/\/jspdf[.-]/)).toBe(false);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: /^PDF/ }).check();
    await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
    expect(loaded(/\/jspdf[.-]/)).toBe(true);
    await page.close();
  });

  for (const v of views)
    it(v.name, async () => {
      const { page } = await openApp(getBrowser(), v.query, { width: 1600, height: 1000 });
      for (const glued of v.glued ? [false, true] : [false]) {
        const deck = await saveDeck(page, glued);
        expect(deck.name).toMatch(/\.pptx$/);
        if (v.overview) expect(deck.status).toMatch(/Laid out afresh for the page: all \d+ entities in play/);
        const slide = await (await JSZip.loadAsync(deck.bytes)).file('ppt/slides/slide1.xml')!.async('string');
        // A real deck: node shapes (Table 1 has two), and lines in the form chosen.
        expect((slide.match(/<p:cNvPr id="\d+" name="node:/g) ?? []).length, v.name).toBeGreaterThanOrEqual(2);
        expect(slide.includes('<p:cxnSp>'), `${v.name}: glued connectors`).toBe(glued);
        const verdict = await validatePackage(deck.bytes);
        expect(verdict.unmapped, `${v.name}: parts with no schema known`).toEqual([]);
        expect(verdict.parts.length).toBeGreaterThan(15);
        expect(verdict.failed, `${v.name}${glued ? ', glued connectors' : ''}`).toEqual([]);
      }
      await page.close();
    });
});
