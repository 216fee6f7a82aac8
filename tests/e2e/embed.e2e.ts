import { describe, expect, it } from 'vitest';
import { appUrl, inkRatio, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();

describe('embedded view in an iframe', () => {
  it('a page embedding the snippet shows the drawn diagram, its legend and a link back, with no app chrome', async () => {
    // The iframe code as the built app's Export dialog gives it for Fig. 1.
    const app = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } });
    await app.goto(appUrl('?figure=fig1'));
    await waitForCanvas(app);
    await app.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = app.getByRole('dialog', { name: 'Export' });
    await dialog.getByText('Embed this view in a web page').click();
    const snippet = await dialog.getByRole('textbox', { name: /HTML to paste/ }).inputValue();
    await app.close();
    expect(snippet).toMatch(/^<iframe src="[^"]+\?figure=fig1&amp;embed=1" title="Fig\. 1[^"]*"[^>]*><\/iframe>$/);
    const page = await getBrowser().newPage({ viewport: { width: 1000, height: 700 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Pasted into a page of another origin (about:blank).
    // The code asks for a lazy frame (loading="lazy"): it may start loading after the page's own load event.
    const isEmbed = (f: { url(): string }) => f.url().includes('embed=1');
    const navigated = page.waitForEvent('framenavigated', { predicate: isEmbed });
    navigated.catch(() => {});
    await page.setContent(`<!doctype html><body style="margin:10px">${snippet}</body>`);
    const frame = page.frames().find(isEmbed) ?? (await navigated);
    await frame.waitForSelector('.main-graph');
    await waitForCanvas(frame as never);
    expect(await frame.locator('.app-header').count()).toBe(0);
    expect(await frame.getByRole('button', { name: 'Export' }).count()).toBe(0);
    expect(await frame.getByRole('heading', { name: 'Legend' }).count()).toBe(1);
    const back = frame.getByRole('link', { name: 'Open in MSC–POF Atlas' });
    const href = (await back.getAttribute('href'))!;
    expect(href.startsWith(appUrl('').replace(/\/[^/]*$/, '/'))).toBe(true);
    expect(href).not.toContain('embed');
    expect(await back.getAttribute('target')).toBe('_blank');
    expect(await inkRatio(frame as never)).toBeGreaterThan(0.02);
    expect(errors).toEqual([]);
    await screenshot(page, 'embed-fig1-iframe');
    await page.close();
  });
});
