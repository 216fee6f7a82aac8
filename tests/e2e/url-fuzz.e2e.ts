/** Random links in the real app: no page error, and each shows the view it names or a notice saying why not. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryString } from '../helpers/url-arbitrary.ts';
import { appUrl, screenshot, useBrowser } from './browser.ts';

const getBrowser = useBrowser();

describe('links under random query strings', () => {
  it('never break the page: the named view is drawn, or a notice explains', { timeout: 300_000 }, async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const links = fc.sample(queryString, { numRuns: 24, seed: 1313 });
    // The issue's own examples first.
    links.unshift(
      `?figure=${'x'.repeat(100_000)}`,
      '?view=atlas&path=hafmsc:amh&chain=1',
      '?view=atlas&path=hafmsc:amh&chain=99999999999999999999',
      '?view=atlas&cellfree=yes',
      '?view=a%00b',
      `?view=atlas&sources=${Array.from({ length: 50_000 }, (_, i) => `s${i}`).join(',')}`,
    );
    for (const [i, search] of links.entries()) {
      const label = search.slice(0, 200);
      if (search.length < 4000) {
        await page.goto(appUrl(search)).catch((e: Error) => {
          throw new Error(`${label}: ${e.message.slice(0, 300)}`);
        });
      } else {
        // Servers refuse such long addresses (HTTP 431); the app can still be handed one, through history.
        await page.goto(appUrl());
        await page.waitForFunction(() => Boolean(window.mscAtlas?.cy.main));
        await page.evaluate((s) => {
          window.history.pushState(null, '', s);
          window.dispatchEvent(new PopStateEvent('popstate'));
        }, search);
      }
      // Drawn: a canvas with nodes in the main pane or the compare panes.
      await page.waitForFunction(() => {
        const cy = window.mscAtlas?.cy.main ?? window.mscAtlas?.cy.difference ?? window.mscAtlas?.cy.left;
        return Boolean(cy && cy.nodes().length > 0);
      });
      const notice = page.locator('.notice');
      const hasNotice = (await notice.count()) > 0;
      const view = new URLSearchParams(search).get('view');
      const pressed = await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { pressed: true }).innerText().catch(() => '');
      if (!hasNotice && (view === 'atlas' || view === 'compare')) expect(pressed.toLowerCase(), label).toContain(view);
      if (hasNotice) {
        const box = await notice.boundingBox();
        expect(box!.width, label).toBeLessThanOrEqual(1280);
        expect(box!.height, label).toBeLessThan(300);
        if (i === 0) await screenshot(page, 'url-notice-long-figure');
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, label).toBeLessThanOrEqual(1280);
      expect(errors, label).toEqual([]);
    }
    await page.close();
  });
});
