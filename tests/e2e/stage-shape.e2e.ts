/**
 * The shape the difference diagram is laid out for before its stage is measured, and on the compare pages' pictures
 * (layout/difference-layout.ts DIFFERENCE_ASPECT), is the shape a 16:10 laptop's compare stage measures: there, the
 * canvas keeps the picture's layout and takes over without moving a node (features/compare/compare-view.tsx keeps it
 * within 2.5%). Measured in Chromium on the production build, so that a change to the page's layout that moves the
 * stage's shape away from the constant fails here.
 */
import { describe, expect, it } from 'vitest';
import { DIFFERENCE_ASPECT } from '../../src/layout/difference-layout.ts';
import { fitAspect } from '../../src/graph-view/fit.ts';
import { appUrl, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();
/** compare-view.tsx PICTURE_ASPECT_KEPT. */
const KEPT = 0.025;

async function stageAspect(viewport: { width: number; height: number }) {
  const page = await getBrowser().newPage({ viewport });
  await page.goto(appUrl('?view=compare&left=source:hpmsc&right=source:humsc'));
  await waitForCanvas(page, 'difference');
  const stage = (await page.locator('.compare-difference .graph-stage').boundingBox())!;
  await page.close();
  return fitAspect(stage.width, stage.height);
}

describe('the difference diagram’s default shape is a 16:10 laptop’s compare stage', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 },
    { width: 1600, height: 1000 },
    { width: 1920, height: 1200 },
  ])
    it(`${viewport.width}×${viewport.height}: the stage's fit box is within 2.5% of DIFFERENCE_ASPECT (${DIFFERENCE_ASPECT})`, async () => {
      const aspect = await stageAspect(viewport);
      expect(Math.abs(aspect - DIFFERENCE_ASPECT) / DIFFERENCE_ASPECT, `measured ${aspect.toFixed(3)}`).toBeLessThanOrEqual(KEPT);
    });

  it('the compare pages’ pictures are laid out for that shape', async () => {
    const page = await getBrowser().newPage();
    const html = await (await page.request.get(appUrl('compare-source-hpmsc-source-humsc.html'))).text();
    await page.close();
    expect(/class="prerender-picture"[^>]*data-aspect="([^"]+)"/.exec(html)?.[1]).toBe(String(DIFFERENCE_ASPECT));
  });

  it('a 16:9 screen and the 1024×768 tablet measure a wider stage, which gets a layout of its own', async () => {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1024, height: 768 },
    ]) {
      const aspect = await stageAspect(viewport);
      expect(aspect / DIFFERENCE_ASPECT, `${viewport.width}×${viewport.height}: measured ${aspect.toFixed(3)}`).toBeGreaterThan(1 + KEPT);
    }
  });
});
