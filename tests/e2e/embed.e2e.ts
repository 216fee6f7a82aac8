import { describe, expect, it } from 'vitest';
import { appUrl, inkRatio, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();

describe('embedded view in an iframe', () => {
  it('a page embedding the snippet shows the drawn diagram, its legend and a link back, with no app chrome', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1000, height: 700 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The iframe as the export dialog writes it, on a page of another origin (about:blank).
    await page.setContent(`<!doctype html><body style="margin:10px"><iframe src="${appUrl('?figure=fig1&embed=1')}" title="Fig. 1" width="960" height="640" style="border:1px solid #ccc"></iframe></body>`);
    const frame = page.frames().find((f) => f.url().includes('embed=1'))!;
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
