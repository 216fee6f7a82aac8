/**
 * Input on the prerendered page before the app has taken over (src/app/early-input.ts). The app's start is held back
 * (its start chunk's response waits until the test lets it through), so the reader acts on the page as the browser
 * drew it from the HTML alone, with the user's own gestures: typing, choosing a figure, clicking Export, a view tab,
 * the sources toggle, a radio button, a key on a focused tab. Then the app takes over, and what they did is done.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedModel } from '../helpers/model.ts';
import { appUrl, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();

/**
 * The page at `search`, its entry script run (the first picture painted, the app asked for) but the app's start held
 * back; `takeOver()` lets it through and waits until the app has drawn `pane`.
 */
async function heldPage(search: string, pane = 'main') {
  const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/start-[\w-]{8}\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(appUrl(search));
  // The entry script has started the app (after the first paint): from here on only the held chunk stands between
  // the page and the app.
  await page.waitForFunction(() => performance.getEntriesByName('app:start').length > 0);
  expect(await takenOver(page)).toBe(false);
  return {
    page,
    takeOver: async () => {
      release();
      await waitForCanvas(page, pane);
    },
  };
}

/** Whether the app has rendered (its canvas made). */
const takenOver = (page: Page) => page.evaluate(() => !!window.mscAtlas?.cy.main || !!window.mscAtlas?.cy.difference);

const busy = (page: Page, role: 'button' | 'searchbox' | 'combobox' | 'radio', name: string) =>
  page.getByRole(role, { name, exact: true }).getAttribute('aria-busy');

describe('what the reader does before the app has taken over is done once it has', () => {
  it('text typed into Search stays, focused with its caret, and its suggestions are shown', async () => {
    const { page, takeOver } = await heldPage('');
    const box = page.getByRole('searchbox', { name: 'Search entities' });
    await box.click();
    await page.keyboard.type('PTEN');
    await page.keyboard.press('ArrowLeft');
    expect(await busy(page, 'searchbox', 'Search entities')).toBe('true');
    console.log(`screenshot while the app is held back: ${await screenshot(page, 'early-input-typed-waiting')}`);
    expect(await takenOver(page)).toBe(false);
    await takeOver();
    await expect(box.inputValue()).resolves.toBe('PTEN');
    expect(await box.evaluate((el: HTMLInputElement) => [document.activeElement === el, el.selectionStart])).toEqual([true, 3]);
    await page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: /^PTEN/ }).waitFor();
    console.log(`screenshot after the takeover: ${await screenshot(page, 'early-input-typed-after')}`);
    // Still typing: the app's own box now.
    await page.keyboard.type('x');
    await expect(box.inputValue()).resolves.toBe('PTExN');
    await page.close();
  });

  it('a figure chosen in the select opens that figure', async () => {
    const fig3 = shippedModel().figures.find((f) => f.id === 'fig3')!;
    const { page, takeOver } = await heldPage('');
    await page.getByRole('combobox', { name: 'Figure' }).selectOption('fig3');
    expect(await busy(page, 'combobox', 'Figure')).toBe('true');
    await takeOver();
    await page.getByRole('region', { name: `${fig3.label} ${fig3.title}` }).waitFor();
    await waitForCanvas(page);
    expect(new URL(page.url()).search).toBe('?figure=fig3');
    await expect(page.getByRole('combobox', { name: 'Figure' }).inputValue()).resolves.toBe('fig3');
    await page.close();
  });

  it('a click on Export (twice, impatiently) opens its dialog once; the button says it is coming, in its place', async () => {
    const { page, takeOver } = await heldPage('?figure=fig2');
    const exportButton = page.getByRole('button', { name: 'Export', exact: true });
    const before = await exportButton.boundingBox();
    await exportButton.click();
    await exportButton.click();
    expect(await busy(page, 'button', 'Export')).toBe('true');
    expect(await exportButton.evaluate((el) => getComputedStyle(el).cursor)).toBe('progress');
    expect(await exportButton.boundingBox()).toEqual(before);
    console.log(`screenshot while the app is held back: ${await screenshot(page, 'early-input-export-waiting')}`);
    await takeOver();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    expect(await page.getByRole('dialog').count()).toBe(1);
    console.log(`screenshot after the takeover: ${await screenshot(page, 'early-input-export-after')}`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.close();
  });

  it('a click on the Atlas tab opens the atlas', async () => {
    const { page, takeOver } = await heldPage('');
    await page.getByRole('button', { name: 'Atlas', exact: true }).click();
    expect(await busy(page, 'button', 'Atlas')).toBe('true');
    await takeOver();
    await page.getByRole('region', { name: /^Atlas/ }).waitFor();
    await waitForCanvas(page);
    expect(await page.getByRole('button', { name: 'Atlas', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).search).toMatch(/view=atlas/);
    await page.close();
  });

  it('Enter on the focused Compare tab opens the comparison, and the tab keeps the focus', async () => {
    // (The app's first render draws the figure's canvas, unless the replayed Enter has switched to the comparison
    // first: only the comparison's canvas is sure to come.)
    const { page, takeOver } = await heldPage('?figure=fig4', 'difference');
    await page.getByRole('button', { name: 'Compare', exact: true }).focus();
    await page.keyboard.press('Enter');
    await takeOver();
    await page.getByRole('region', { name: 'Compare' }).waitFor();
    const compare = page.getByRole('button', { name: 'Compare', exact: true });
    expect(await compare.getAttribute('aria-pressed')).toBe('true');
    expect(await compare.evaluate((el) => document.activeElement === el)).toBe(true);
    await page.close();
  });

  it('a click on the sources toggle opens the side panel with the source toggles', async () => {
    const { page, takeOver } = await heldPage('?figure=fig1');
    await page.getByRole('button', { name: 'Sources, filters & paths' }).click();
    await takeOver();
    const panel = page.getByRole('complementary', { name: 'Sources, filters and paths' });
    await panel.getByRole('checkbox').first().waitFor();
    expect(await page.getByRole('button', { name: 'Hide sources & filters' }).getAttribute('aria-expanded')).toBe('true');
    await page.close();
  });

  it('a radio button chosen on a comparison’s page ends chosen: twin panes', async () => {
    // (The app takes over with the difference diagram, then turns to the twin panes: the left pane is what is drawn.)
    const { page, takeOver } = await heldPage('?view=compare&left=source:hpmsc&right=source:humsc', 'left');
    await page.getByRole('radio', { name: 'Twin panes' }).check();
    expect(await busy(page, 'radio', 'Twin panes')).toBe('true');
    await takeOver();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('panes') === 'twin');
    expect(await page.getByRole('radio', { name: 'Twin panes' }).isChecked()).toBe(true);
    await page.close();
  });
});
