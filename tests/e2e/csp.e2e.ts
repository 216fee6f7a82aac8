/**
 * The built app runs under its Content-Security-Policy with no violation: every view, overlays, and every export
 * format in every view. The policy is the <meta> the build writes; violations are collected from the page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, expectPageError, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();

async function openWatched(search: string) {
  const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Registered before any of the app's scripts run, so nothing slips past.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.goto(appUrl(search));
  await waitForCanvas(page, search.includes('view=compare') ? (search.includes('panes=twin') ? 'left' : 'difference') : 'main');
  return { page, errors };
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

async function exportEverything(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const formats = dialog.getByRole('group', { name: 'Format' }).getByRole('radio');
  // The dialog's body loads on demand: wait for its first format before counting.
  await formats.first().waitFor();
  const n = await formats.count();
  expect(n).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < n; i++) {
    await formats.nth(i).check();
    await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  return n;
}

describe('Content-Security-Policy', () => {
  it('is in force: no inline script or style, no eval, no plugins, the network only to the app itself', async () => {
    const { page } = await openWatched('');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const rule of ["script-src 'self'", "style-src 'self'", "object-src 'none'", "connect-src 'self'", 'worker-src']) expect(csp).toContain(rule);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    // The watch works: an inline script and an inline style are refused and reported. (Eval cannot be tried from
    // here: the test driver's own evaluation is exempt; the views below would report the app's.)
    // Chromium logs each refusal as a console error: announced, so the shared page-error hook lets exactly these by.
    expectPageError(/^console error at \/: Executing inline script violates/);
    expectPageError(/^console error at \/: Applying inline style violates/);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.appendChild(s);
      const st = document.createElement('style');
      st.textContent = 'body { outline: 3px solid red; }';
      document.head.appendChild(st);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(async () => (await violations(page)).map((v) => v.split(' ')[0])).toEqual(['script-src-elem', 'style-src-elem']);
    await page.close();
  });

  it('colours the compare key with classes: its swatches show the pair\'s colours with scripts off, and after the app takes over', async () => {
    const search = '?view=compare&left=source:hpmsc&right=source:humsc';
    /** The key's swatches as the browser paints them: single ones, and the two halves of "Both". */
    const keyColours = (page: Page) =>
      page.evaluate(() => {
        const bg = (el: Element) => getComputedStyle(el).backgroundColor;
        const key = document.querySelector('.difference-key')!;
        return {
          single: [...key.querySelectorAll('.swatch:not(.both)')].map(bg),
          both: [...key.querySelectorAll('.swatch.both > *')].map(bg),
          styled: key.querySelectorAll('[style]').length,
        };
      });
    const noScript = await getBrowser().newContext({ viewport: { width: 1440, height: 900 }, javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(appUrl(search));
    const before = await keyColours(page);
    // The page's policy applies no style attribute, so the key must carry none.
    expect(before.styled).toBe(0);
    expect(before.single).toHaveLength(2);
    const transparent = 'rgba(0, 0, 0, 0)';
    for (const c of [...before.single, ...before.both]) expect(c).not.toBe(transparent);
    expect(before.single[0]).not.toBe(before.single[1]);
    // "Both" is the left colour beside the right one.
    expect(before.both).toEqual(before.single);
    await screenshot(page, 'compare-key-no-script');
    await noScript.close();

    const { page: live } = await openWatched(search);
    expect(await keyColours(live)).toEqual(before);
    expect(await violations(live)).toEqual([]);
    await screenshot(live, 'compare-key-live');
    await live.close();
  });

  for (const [name, search] of [
    ['a figure with an overlay', '?figure=fig2&overlay=hbmmsc,hafmsc&select=node:pten'],
    ['the atlas with filters and a path', '?view=atlas&sources=hbmmsc,hafmsc&sign=decrease&path=hafmsc:amh'],
    ['the compare view', '?view=compare&left=source:hpmsc&right=source:humsc'],
    ['the compare twin panes', '?view=compare&left=source:hpmsc&right=source:humsc&panes=twin'],
  ] as const) {
    it(`reports no violation in ${name}, through every export`, async () => {
      const { page, errors } = await openWatched(search);
      await exportEverything(page);
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
